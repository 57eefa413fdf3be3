import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type CustomerUpserted, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { contributionOf, ResponseRepository } from '../responses/response.repository';
import { nonNull, rollupDeltas } from '../rollups/rollup.delta';
import { RollupWriter } from '../rollups/rollup.writer';
import type { CustomerFactsRow } from './customer-facts';
import { CustomerRepository } from './customer.repository';

/**
 * Keeps the newest facts per customer (by the time the source recorded them, so an older
 * upsert arriving late changes nothing) and moves the customer's responses to their current
 * segment, region and tier in the rollups: rollups always count a response under the facts
 * known last, whatever order facts and answers arrived in (docs/scoring.md).
 */
@Controller()
export class CustomerFactsHandler {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly responses: ResponseRepository,
    private readonly rollups: RollupWriter,
  ) {}

  @EventPattern(Topics.CustomerUpserted.name)
  async upserted(@Payload() event: CustomerUpserted, @Ctx() context: EventContext): Promise<void> {
    const { manager } = context.unitOfWork;
    const facts: CustomerFactsRow = {
      customerId: event.customerId,
      language: event.language,
      segment: event.segment,
      region: event.region,
      tier: event.tier,
      accountOwnerId: event.accountOwnerId,
      accountId: event.accountId,
      factsAt: event.occurredAt ? timestampDate(event.occurredAt) : new Date(0),
    };
    await this.customers.lock(manager, facts.customerId);
    const storedAt = await this.customers.factsAt(manager, facts.customerId);
    if (storedAt && storedAt > facts.factsAt) return;
    await this.customers.save(manager, facts);
    const zones = this.rollups.zones;
    const responses = await this.responses.ofCustomer(manager, facts.customerId, zones);
    if (responses.length === 0) return;
    await this.responses.moveCustomer(manager, facts);
    const before = nonNull(responses.map((response) => contributionOf(response)));
    const after = nonNull(responses.map((response) => contributionOf(response, facts)));
    context.unitOfWork.defer(this.rollups, rollupDeltas(zones, before, after));
  }
}
