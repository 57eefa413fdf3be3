import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { channelName, type ResponseReceived, type ResponseRevised, Topics } from '@nps/contracts';
import { EventContext, RejectedEventError } from '@nps/messaging';
import { countRetentionDropped, isPastRetention, RetentionClock } from '@nps/persistence';
import { CustomerRepository } from '../customers/customer.repository';
import { nonNull, rollupDeltas } from '../rollups/rollup.delta';
import { RollupWriter } from '../rollups/rollup.writer';
import { RecoveryMeasurer } from '../recovery/recovery.measurer';
import { ScoringEnv } from '../scoring.env';
import { contributionOf, ResponseRepository } from './response.repository';
import { applyRevision, type Decision, receiveAnswer, type ResponseState } from './response.state';
import { detractorIdentified, responseScored } from './scoring.events';

/**
 * Scores answers and revisions: keeps the newest revision of each response, moves its count in
 * the rollups, and publishes `response scored` and, for detractors, `detractor identified`.
 */
@Controller()
export class ResponseScoringHandler {
  private readonly logger = new Logger(ResponseScoringHandler.name);

  constructor(
    private readonly responses: ResponseRepository,
    private readonly rollups: RollupWriter,
    private readonly customers: CustomerRepository,
    private readonly recovery: RecoveryMeasurer,
    private readonly env: ScoringEnv,
    private readonly clock: RetentionClock,
  ) {}

  @EventPattern(Topics.ResponseReceived.name)
  async received(@Payload() event: ResponseReceived, @Ctx() context: EventContext): Promise<void> {
    checkContract(event.score);
    const answeredAt = event.answeredAt
      ? timestampDate(event.answeredAt)
      : event.occurredAt
        ? timestampDate(event.occurredAt)
        : new Date();
    const answer = {
      customerId: event.customerId,
      score: event.score,
      comment: event.comment,
      maskedComment: event.maskedComment,
      answeredAt,
      touchpointId: event.touchpointId,
      touchpointType: event.touchpointType,
      // '' stands for an unspecified or unknown channel in the rows and rollups.
      channel: channelName(event.channel) ?? '',
      language: event.language,
      origin: {
        source: event.source,
        followUpRequested: event.followUpRequested,
        recoveryOfResponseId: event.recoveryOfResponseId,
      },
    };
    await this.apply(context, event.responseId, event.customerId, answeredAt, (current) =>
      receiveAnswer(current, answer),
    );
    await this.recovery.answered(event, context.unitOfWork);
  }

  @EventPattern(Topics.ResponseRevised.name)
  async revised(@Payload() event: ResponseRevised, @Ctx() context: EventContext): Promise<void> {
    checkContract(event.score, event.revision);
    const revisedAt = event.revisedAt
      ? timestampDate(event.revisedAt)
      : event.occurredAt
        ? timestampDate(event.occurredAt)
        : new Date();
    // Its answer is past ANSWER_RETENTION_DAYS, so deleted (or about to be): an old revision is no fault, so
    // it is dropped with a count rather than dead-lettered, and no row of it is kept (docs/adr/0035).
    if (isPastRetention(revisedAt, this.env.ANSWER_RETENTION_DAYS, this.clock.now())) {
      countRetentionDropped(Topics.ResponseRevised.name);
      const msg = 'revision of an answer past its retention dropped';
      return this.logger.warn({ msg, responseId: event.responseId, revision: event.revision });
    }
    const revision = {
      customerId: event.customerId,
      revision: event.revision,
      score: event.score,
      comment: event.comment,
      maskedComment: event.maskedComment,
      revisedAt,
    };
    await this.apply(context, event.responseId, event.customerId, null, (current) => applyRevision(current, revision));
  }

  private async apply(
    context: EventContext,
    responseId: string,
    customerId: string,
    answeredAt: Date | null,
    decide: (current: ResponseState) => Decision,
  ): Promise<void> {
    const { manager } = context.unitOfWork;
    const zones = this.rollups.zones;
    await this.customers.lock(manager, customerId);
    const { response, customer, daysAt } = await this.responses.find(
      manager,
      responseId,
      customerId,
      zones,
      answeredAt,
    );
    const decision = decide(response.state);
    if (!decision.changed) return;
    await this.responses.save(manager, decision.state, customer);
    const after = { ...response, state: decision.state, facts: customer, days: response.days ?? daysAt };
    context.unitOfWork.defer(
      this.rollups,
      rollupDeltas(zones, nonNull([contributionOf(response)]), nonNull([contributionOf(after)])),
    );
    const now = new Date();
    if (decision.scored) context.unitOfWork.publish(Topics.ResponseScored, responseScored(decision.state, now));
    if (decision.detractor)
      context.unitOfWork.publish(
        Topics.DetractorIdentified,
        detractorIdentified(decision.state, customer, decision.detractor === 'withdrawn', now),
      );
  }
}

/**
 * A score outside 0–10 or a revision below 1 breaks the contract: no retry fixes it, so straight to the dead-letter
 * topic.
 */
function checkContract(score: number, revision = 1): void {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new RejectedEventError(`score ${score} is not a whole number from 0 to 10`);
  if (!Number.isInteger(revision) || revision < 1)
    throw new RejectedEventError(`revision ${revision} is not 1 or more`);
}
