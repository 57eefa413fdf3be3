import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import {
  type CustomerUpserted,
  type DetractorIdentified,
  type ResponseRevised,
  type ResponseScored,
  type ResponseTagged,
  Topics,
} from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { CustomerRepository } from '../customers/customer.repository';
import { CaseEnrichmentService } from './case-enrichment.service';
import { CaseOpeningService } from './case-opening.service';

/** The events case-management consumes; each is applied once, in the transaction of its inbox entry. */
@Controller()
export class CaseIntakeHandler {
  constructor(
    private readonly opening: CaseOpeningService,
    private readonly enrichment: CaseEnrichmentService,
    private readonly customers: CustomerRepository,
  ) {}

  @EventPattern(Topics.DetractorIdentified.name)
  detractorIdentified(@Payload() event: DetractorIdentified, @Ctx() context: EventContext): Promise<void> {
    return this.opening.handle(event, context.unitOfWork);
  }

  @EventPattern(Topics.ResponseTagged.name)
  responseTagged(@Payload() event: ResponseTagged, @Ctx() context: EventContext): Promise<void> {
    return this.enrichment.tagged(event, context.unitOfWork);
  }

  @EventPattern(Topics.ResponseRevised.name)
  responseRevised(@Payload() event: ResponseRevised, @Ctx() context: EventContext): Promise<void> {
    return this.enrichment.revised(event, context.unitOfWork);
  }

  @EventPattern(Topics.CustomerUpserted.name)
  async customerUpserted(@Payload() event: CustomerUpserted, @Ctx() context: EventContext): Promise<void> {
    const facts = {
      customerId: event.customerId,
      name: event.name,
      language: event.language,
      segment: event.segment,
      region: event.region,
      tier: event.tier,
    };
    await this.customers.upsert(
      context.unitOfWork.manager,
      { ...facts, accountOwnerId: event.accountOwnerId, accountId: event.accountId, attributes: event.attributes },
      occurredAt(event),
    );
  }

  /** Every score of the customer, for the customer story on the case screen. */
  @EventPattern(Topics.ResponseScored.name)
  async responseScored(@Payload() event: ResponseScored, @Ctx() context: EventContext): Promise<void> {
    await this.customers.recordScore(context.unitOfWork.manager, {
      responseId: event.responseId,
      revision: event.revision,
      customerId: event.customerId,
      score: event.score,
      answeredAt: event.answeredAt ? timestampDate(event.answeredAt) : null,
    });
  }
}

function occurredAt(event: { occurredAt?: Parameters<typeof timestampDate>[0] }): Date {
  return event.occurredAt ? timestampDate(event.occurredAt) : new Date(0);
}
