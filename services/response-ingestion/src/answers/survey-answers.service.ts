import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IngestionErrorCode } from '../errors/ingestion.error';
import { ResponseSource, Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import { SurveyLinkError, SurveyLinks, type SurveyLinkClaims } from '@nps/survey-links';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { ResponseIngestionEnv } from '../response-ingestion.env';
import { decideAnswer } from './answer.decider';
import type { AcceptedAnswer, GivenAnswer } from './answer.types';
import { Clock } from './clock';
import { uuidFromName } from './deterministic-id';
import {
  type PresealedComment,
  responseReceived,
  responseRevised,
  type SealedComment,
  sealComment,
} from './response.events';
import { ResponseRepository } from './response.repository';
import { refusalOf, stateRefusal } from './survey-link.refusal';
import { receivedAnswer } from './received-answer';

/** survey-dispatch's touchpoint type of recovery re-surveys (docs/outer-loop.md). */
const RECOVERY_TOUCHPOINT_TYPE = 'recovery';

/**
 * Answers that come with a survey link token (survey page, SMS reply, JSON API with a token).
 * Every accepted answer is one `response received` or `response revised`, written through the
 * outbox in the transaction that stores it; anything refused stores nothing.
 */
@Injectable()
export class SurveyAnswers {
  constructor(
    private readonly links: SurveyLinks,
    private readonly transactions: EventTransactions,
    private readonly requests: SurveyRequestRepository,
    private readonly responses: ResponseRepository,
    private readonly env: ResponseIngestionEnv,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fields: PersonalFields,
  ) {}

  private get revisionWindowMs(): number {
    return this.env.RESPONSE_REVISION_WINDOW_MINUTES * 60_000;
  }

  /** The token's claims, or an IngestionError naming why the link is not genuine or has expired. */
  verify(token: string): SurveyLinkClaims {
    try {
      return this.links.verify(token, this.clock.now());
    } catch (error) {
      if (error instanceof SurveyLinkError) throw refusalOf(error);
      throw error;
    }
  }

  /**
   * Why the link would take no answer now (revoked, expired, used up), and the answer it holds, without changing
   * anything.
   */
  async current(
    claims: SurveyLinkClaims,
  ): Promise<{ refusal?: IngestionErrorCode; answered?: { score: number; comment: string } }> {
    const state = await this.requests.find(this.dataSource.manager, claims.surveyRequestId);
    const decision = decideAnswer(
      state,
      { score: state.answered?.score ?? 0 },
      this.clock.now(),
      this.revisionWindowMs,
    );
    return { refusal: decision.kind === 'refuse' ? decision.code : undefined, answered: state.answered };
  }

  async submit(
    token: string,
    given: GivenAnswer,
    source: ResponseSource,
  ): Promise<AcceptedAnswer & { claims: SurveyLinkClaims }> {
    const claims = this.verify(token);
    const presealed = await this.preseal(claims.customerId, given.comment ?? '');
    const accepted = await this.transactions.run((unitOfWork) =>
      this.accept(unitOfWork, claims, given, source, presealed),
    );
    return { ...accepted, claims };
  }

  /** The decision and its effects inside the caller's transaction (the JSON API adds its idempotency key to it). */
  async accept(
    unitOfWork: UnitOfWork,
    claims: SurveyLinkClaims,
    given: GivenAnswer,
    source: ResponseSource,
    presealed?: PresealedComment,
  ): Promise<AcceptedAnswer> {
    const now = this.clock.now();
    const manager = unitOfWork.manager;
    const state = await this.requests.lock(manager, claims.surveyRequestId, claims.customerId);
    const decision = decideAnswer(state, given, now, this.revisionWindowMs);
    switch (decision.kind) {
      case 'refuse':
        throw stateRefusal(decision.code);
      case 'unchanged':
        return {
          outcome: 'unchanged',
          responseId: state.responseId ?? '',
          revision: decision.revision,
          score: decision.score,
          comment: decision.comment,
        };
      case 'receive': {
        const record = {
          // One response per survey request, whichever channel answers it first.
          responseId: uuidFromName(`survey-request:${claims.surveyRequestId}`),
          customerId: claims.customerId,
          surveyRequestId: claims.surveyRequestId,
          touchpointId: claims.touchpointId,
          touchpointType: claims.touchpointType,
          channel: claims.channel,
          language: claims.language,
          source,
          score: decision.score,
          comment: decision.comment,
          answeredAt: now,
        };
        await this.responses.insert(manager, record);
        await this.requests.markAnswered(manager, claims.surveyRequestId, record.responseId, now);
        unitOfWork.publish(
          Topics.ResponseReceived,
          responseReceived(record, await this.sealed(record.customerId, record.comment, presealed), now, {
            recoveryOfResponseId: recoveryOf(state, claims),
          }),
        );
        return receivedAnswer(record);
      }
      case 'revise': {
        const responseId = state.responseId ?? '';
        await this.responses.revise(manager, responseId, { ...decision, revisedAt: now });
        unitOfWork.publish(
          Topics.ResponseRevised,
          responseRevised(
            { ...decision, responseId, customerId: claims.customerId, revisedAt: now },
            await this.sealed(claims.customerId, decision.comment, presealed),
          ),
        );
        return {
          outcome: 'revised',
          responseId,
          revision: decision.revision,
          score: decision.score,
          comment: decision.comment,
        };
      }
    }
  }

  /** The comment as the events carry it: encrypted before it reaches the outbox (docs/privacy.md). */
  /** The comment sealed before a transaction opens (PresealedComment says why). */
  async preseal(customerId: string, comment: string): Promise<PresealedComment> {
    return { customerId, comment, sealed: await sealComment(this.fields, customerId, comment) };
  }

  private async sealed(customerId: string, comment: string, presealed?: PresealedComment): Promise<SealedComment> {
    if (presealed?.customerId === customerId && presealed.comment === comment) return presealed.sealed;
    return sealComment(this.fields, customerId, comment);
  }
}

/**
 * The detractor response a recovery re-survey follows up: from its SurveyDispatched, or, when the customer answers
 * before that event got here, from the link itself (survey-dispatch makes that response the re-survey's touchpoint).
 */
function recoveryOf(state: { recoveryOfResponseId?: string }, claims: SurveyLinkClaims): string {
  return state.recoveryOfResponseId ?? (claims.touchpointType === RECOVERY_TOUCHPOINT_TYPE ? claims.touchpointId : '');
}
