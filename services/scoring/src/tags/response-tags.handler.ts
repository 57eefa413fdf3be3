import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type ResponseTagged, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { contributionOf, ResponseRepository } from '../responses/response.repository';
import { nonNull, rollupDeltas } from '../rollups/rollup.delta';
import { RollupWriter } from '../rollups/rollup.writer';

/**
 * Keeps the root-cause tags of the newest tagging of each response (higher revision, or the same
 * revision tagged later) for the `tag` filter and the drivers, and moves the tag rollups.
 * Tags may arrive before the answer: the response row then waits for it, uncounted.
 */
@Controller()
export class ResponseTagsHandler {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly rollups: RollupWriter,
    private readonly customers: CustomerRepository,
  ) {}

  @EventPattern(Topics.ResponseTagged.name)
  async tagged(@Payload() event: ResponseTagged, @Ctx() context: EventContext): Promise<void> {
    const { manager } = context.unitOfWork;
    const taggedAt = event.occurredAt ? timestampDate(event.occurredAt) : new Date(0);
    const zones = this.rollups.zones;
    await this.customers.lock(manager, event.customerId);
    const { response, customer } = await this.responses.find(manager, event.responseId, event.customerId, zones);
    const older =
      event.revision < response.tagRevision ||
      (event.revision === response.tagRevision && response.taggedAt !== null && response.taggedAt > taggedAt);
    if (older) return;
    // A placeholder row until the answer arrives (saving an existing one again changes nothing).
    if (!response.state.received && response.state.revision === -1)
      await this.responses.save(manager, response.state, customer);
    const tags = [...new Set(event.tags.map((tag) => tag.tagId))].sort();
    await this.responses.replaceTags(manager, event.responseId, tags, event.revision, taggedAt);
    context.unitOfWork.defer(
      this.rollups,
      rollupDeltas(
        zones,
        nonNull([contributionOf(response)]),
        nonNull([contributionOf(response, response.facts, tags)]),
      ),
    );
  }
}
