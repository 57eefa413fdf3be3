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
import { BATCH_HANDLER, type EventBatch, EventContext } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import { CustomerRepository } from '../customers/customer.repository';
import { CaseEnrichmentService } from './case-enrichment.service';
import { CaseOpeningService } from './case-opening.service';

/**
 * The events case-management consumes; each is applied once, in the transaction of its inbox entry. Personal
 * fields are decrypted once, here, into the case-management rows (docs/privacy.md): an erased customer's read
 * as '' and the record is processed with the text gone, as it was when the event was plain.
 */
@Controller()
export class CaseIntakeHandler {
  constructor(
    private readonly opening: CaseOpeningService,
    private readonly enrichment: CaseEnrichmentService,
    private readonly customers: CustomerRepository,
    private readonly fields: PersonalFields,
  ) {}

  /**
   * A batch handler: what the batch's detractors need is read in one query per table (CaseOpeningService), their
   * customers' keys in one.
   */
  @EventPattern(Topics.DetractorIdentified.name, BATCH_HANDLER)
  async detractorIdentified(@Payload() batch: EventBatch<DetractorIdentified>): Promise<void> {
    const comments = await this.fields.decryptTexts(
      batch.map(({ event }) => ({ customerId: event.customerId, value: event.comment })),
    );
    return this.opening.handle(
      batch.map(({ event, context }, i) => ({
        event: { ...event, comment: comments[i] },
        unitOfWork: context.unitOfWork,
      })),
    );
  }

  /** A batch handler: a batch's tags are saved in one statement. */
  @EventPattern(Topics.ResponseTagged.name, BATCH_HANDLER)
  responseTagged(@Payload() batch: EventBatch<ResponseTagged>): Promise<void> {
    return this.enrichment.tagged(batch.map(({ event, context }) => ({ event, unitOfWork: context.unitOfWork })));
  }

  @EventPattern(Topics.ResponseRevised.name)
  async responseRevised(@Payload() event: ResponseRevised, @Ctx() context: EventContext): Promise<void> {
    const comment = await this.fields.decryptText(event.customerId, event.comment);
    return this.enrichment.revised({ ...event, comment }, context.unitOfWork);
  }

  @EventPattern(Topics.CustomerUpserted.name)
  async customerUpserted(@Payload() event: CustomerUpserted, @Ctx() context: EventContext): Promise<void> {
    const facts = {
      customerId: event.customerId,
      name: await this.fields.decryptText(event.customerId, event.name),
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

  /** Every score of the customer, for the customer story on the case screen: a batch handler, one insert per batch. */
  @EventPattern(Topics.ResponseScored.name, BATCH_HANDLER)
  async responseScored(@Payload() batch: EventBatch<ResponseScored>): Promise<void> {
    await this.customers.recordScores(
      batch[0].context.unitOfWork.manager,
      batch.map(({ event }) => ({
        responseId: event.responseId,
        revision: event.revision,
        customerId: event.customerId,
        score: event.score,
        answeredAt: event.answeredAt ? timestampDate(event.answeredAt) : null,
      })),
    );
  }
}

function occurredAt(event: { occurredAt?: Parameters<typeof timestampDate>[0] }): Date {
  return event.occurredAt ? timestampDate(event.occurredAt) : new Date(0);
}
