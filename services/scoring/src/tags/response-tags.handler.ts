import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type ResponseTagged, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type EventBatch } from '@nps/messaging';
import type { CustomerFactsRow } from '../customers/customer-facts';
import { CustomerRepository } from '../customers/customer.repository';
import {
  contributionOf,
  ResponseRepository,
  type StoredResponse,
  type Tagging,
} from '../responses/response.repository';
import type { ResponseState } from '../responses/response.state';
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

  /** A batch handler: a batch's responses are read in one query, their tags replaced in one statement. */
  @EventPattern(Topics.ResponseTagged.name, BATCH_HANDLER)
  async tagged(@Payload() batch: EventBatch<ResponseTagged>): Promise<void> {
    const { manager } = batch[0].context.unitOfWork;
    const zones = this.rollups.zones;
    await this.customers.lockAll(
      manager,
      batch.map(({ event }) => event.customerId),
    );
    const found = await this.responses.findMany(
      manager,
      batch.map(({ event }) => ({ responseId: event.responseId, customerId: event.customerId })),
      zones,
    );
    // What the taggings before it in the batch made of each response.
    const latest = new Map<string, StoredResponse>();
    const placeholders = new Map<string, { state: ResponseState; facts: CustomerFactsRow }>();
    const taggings = new Map<string, Tagging>();
    for (const [i, { event, context }] of batch.entries()) {
      const taggedAt = event.occurredAt ? timestampDate(event.occurredAt) : new Date(0);
      const response = latest.get(event.responseId) ?? found[i].response;
      const older =
        event.revision < response.tagRevision ||
        (event.revision === response.tagRevision && response.taggedAt !== null && response.taggedAt > taggedAt);
      if (older) continue;
      // A placeholder row until the answer arrives (saving an existing one again changes nothing).
      if (!response.state.received && response.state.revision === -1)
        placeholders.set(event.responseId, { state: response.state, facts: found[i].customer });
      const tagIds = [...new Set(event.tags.map((tag) => tag.tagId))].sort();
      latest.set(event.responseId, { ...response, tags: tagIds, tagRevision: event.revision, taggedAt });
      taggings.set(event.responseId, { responseId: event.responseId, tagIds, revision: event.revision, taggedAt });
      context.unitOfWork.defer(
        this.rollups,
        rollupDeltas(
          zones,
          nonNull([contributionOf(response)]),
          nonNull([contributionOf(response, response.facts, tagIds)]),
        ),
      );
    }
    await this.responses.saveMany(manager, [...placeholders.values()]);
    await this.responses.replaceTags(manager, [...taggings.values()]);
  }
}
