import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Channel, channelFromName, ResponseSource, Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import type { AcceptedAnswer, ResponseRecord } from '../answers/answer.types';
import { Clock } from '../answers/clock';
import { uuidFromName } from '../answers/deterministic-id';
import { responseReceived, type SealedComment } from '../answers/response.events';
import { ResponseRepository } from '../answers/response.repository';
import { SurveyAnswers } from '../answers/survey-answers.service';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import type { CreateResponseDto } from './create-response.dto';
import { IdempotencyRepository } from './idempotency.repository';

/** Clocks of kiosks and apps drift; an answer from further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * `POST /responses`: one answer per Idempotency-Key. The key, the stored answer and its event
 * commit in one transaction, so a retried request finds the first outcome and publishes nothing.
 */
@Injectable()
export class ResponseApi {
  constructor(
    private readonly transactions: EventTransactions,
    private readonly surveyAnswers: SurveyAnswers,
    private readonly responses: ResponseRepository,
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  async create(idempotencyKey: string, dto: CreateResponseDto): Promise<{ answer: AcceptedAnswer; replayed: boolean }> {
    const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
    const claims = dto.token === undefined ? undefined : this.surveyAnswers.verify(dto.token);
    const answeredAt = this.answeredAt(dto);
    const customerId = claims?.customerId ?? dto.customerId ?? '';
    const comment = dto.comment ?? '';
    const presealed = await this.surveyAnswers.preseal(customerId, comment);
    return this.transactions.run(async (unitOfWork) => {
      const earlier = await this.keys.claim(unitOfWork.manager, idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new IngestionError(
            IngestionErrorCode.IdempotencyKeyReused,
            'Idempotency-Key was already used for a different request body; use a new key for a new answer',
            [{ field: 'Idempotency-Key', reason: 'already used with a different body' }],
          );
        }
        return { answer: earlier.answer, replayed: true };
      }
      const given = { score: dto.score, comment: dto.comment };
      const answer = claims
        ? await this.surveyAnswers.accept(unitOfWork, claims, given, ResponseSource.API, presealed)
        : await this.receiveWithoutLink(unitOfWork, idempotencyKey, dto, answeredAt, presealed.sealed);
      await this.keys.remember(unitOfWork.manager, idempotencyKey, requestHash, answer);
      return { answer, replayed: false };
    });
  }

  private async receiveWithoutLink(
    unitOfWork: UnitOfWork,
    key: string,
    dto: CreateResponseDto,
    answeredAt: Date,
    sealed: SealedComment,
  ): Promise<AcceptedAnswer> {
    const record: ResponseRecord = {
      responseId: uuidFromName(`api:${key}`),
      customerId: dto.customerId ?? '',
      surveyRequestId: '',
      touchpointId: dto.touchpointId ?? '',
      touchpointType: dto.touchpointType ?? '',
      channel: channelFromName(dto.channel ?? 'in_app') ?? Channel.IN_APP,
      language: dto.language ?? 'en',
      source: ResponseSource.API,
      score: dto.score,
      comment: dto.comment ?? '',
      answeredAt,
    };
    await this.responses.insert(unitOfWork.manager, record);
    unitOfWork.publish(Topics.ResponseReceived, responseReceived(record, sealed, this.clock.now()));
    return {
      outcome: 'received',
      responseId: record.responseId,
      revision: 0,
      score: record.score,
      comment: record.comment,
    };
  }

  private answeredAt(dto: CreateResponseDto): Date {
    const now = this.clock.now();
    if (dto.answeredAt === undefined) return now;
    const answeredAt = new Date(dto.answeredAt);
    if (answeredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw IngestionError.invalidField('answeredAt', 'must not be in the future');
    return answeredAt;
  }
}

/** JSON with sorted keys: the same body in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
