import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { channelName, isNpsScore, type ResponseReceived, type ResponseRevised, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type EventBatch, EventContext, RejectedEventError } from '@nps/messaging';
import { countRetentionDropped, isPastRetention, RetentionClock } from '@nps/persistence';
import type { CustomerFactsRow } from '../customers/customer-facts';
import { CustomerRepository } from '../customers/customer.repository';
import { nonNull, rollupDeltas } from '../rollups/rollup.delta';
import { RollupWriter } from '../rollups/rollup.writer';
import { RecoveryMeasurer } from '../recovery/recovery.measurer';
import { ScoringEnv } from '../scoring.env';
import { contributionOf, ResponseRepository, type StoredResponse } from './response.repository';
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

  /** A batch handler: a batch's responses are read in one query and written in one. */
  @EventPattern(Topics.ResponseReceived.name, BATCH_HANDLER)
  async received(@Payload() batch: EventBatch<ResponseReceived>): Promise<void> {
    for (const { event } of batch) checkContract(event.score);
    await this.apply(batch.map(({ event, context }) => answerStep(event, context)));
    for (const { event, context } of batch) await this.recovery.answered(event, context.unitOfWork);
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
    await this.apply([
      {
        context,
        responseId: event.responseId,
        customerId: event.customerId,
        answeredAt: null,
        decide: (current) => applyRevision(current, revision),
      },
    ]);
  }

  /**
   * Applies the steps in order, all in one transaction: their customers locked, their responses read
   * and written once each. A step sees what the steps before it did to the same response.
   */
  private async apply(steps: Step[]): Promise<void> {
    const { manager } = steps[0].context.unitOfWork;
    const zones = this.rollups.zones;
    await this.customers.lockAll(
      manager,
      steps.map((step) => step.customerId),
    );
    const found = await this.responses.findMany(
      manager,
      steps.map(({ responseId, customerId, answeredAt }) => ({ responseId, customerId, at: answeredAt })),
      zones,
    );
    const latest = new Map<string, StoredResponse>();
    const changed = new Map<string, { state: ResponseState; facts: CustomerFactsRow }>();
    const now = new Date();
    for (const [i, step] of steps.entries()) {
      const { customer, daysAt } = found[i];
      const response = latest.get(step.responseId) ?? found[i].response;
      const decision = step.decide(response.state);
      if (!decision.changed) continue;
      const after = { ...response, state: decision.state, facts: customer, days: response.days ?? daysAt };
      latest.set(step.responseId, after);
      changed.set(step.responseId, { state: decision.state, facts: customer });
      const { unitOfWork } = step.context;
      unitOfWork.defer(
        this.rollups,
        rollupDeltas(zones, nonNull([contributionOf(response)]), nonNull([contributionOf(after)])),
      );
      if (decision.scored) unitOfWork.publish(Topics.ResponseScored, responseScored(decision.state, now));
      if (decision.detractor)
        unitOfWork.publish(
          Topics.DetractorIdentified,
          detractorIdentified(decision.state, customer, decision.detractor === 'withdrawn', now),
        );
    }
    await this.responses.saveMany(manager, [...changed.values()]);
  }
}

/** One event's change to a response. */
interface Step {
  context: EventContext;
  responseId: string;
  customerId: string;
  /** When the answer was given; null for a revision. */
  answeredAt: Date | null;
  decide: (current: ResponseState) => Decision;
}

function answerStep(event: ResponseReceived, context: EventContext): Step {
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
  return {
    context,
    responseId: event.responseId,
    customerId: event.customerId,
    answeredAt,
    decide: (current) => receiveAnswer(current, answer),
  };
}

/**
 * A score outside 0–10 or a revision below 1 breaks the contract: no retry fixes it, so straight to the dead-letter
 * topic.
 */
function checkContract(score: number, revision = 1): void {
  if (!isNpsScore(score)) throw new RejectedEventError(`score ${score} is not a whole number from 0 to 10`);
  if (!Number.isInteger(revision) || revision < 1)
    throw new RejectedEventError(`revision ${revision} is not 1 or more`);
}
