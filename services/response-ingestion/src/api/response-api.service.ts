import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Channel, channelFromName, ResponseSource } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import type { ResponseRecord } from '../answers/answer.types';
import { Clock } from '../answers/clock';
import { uuidFromName } from '../answers/deterministic-id';
import { SurveyAnswers } from '../answers/survey-answers.service';
import { IngestionError } from '../errors/ingestion.error';
import type { CreateResponseDto } from './create-response.dto';
import { ApiAnswerBatches } from './api-answer.batches';
import { IdempotencyRepository } from './idempotency.repository';
import { type ApiOutcome, replay } from './idempotency.replay';

/** Clocks of kiosks and apps drift; an answer from further in the future than this is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * `POST /responses`: one answer per Idempotency-Key. The key, the stored answer and its event
 * commit in one transaction, so a retried request finds the first outcome and publishes nothing.
 * Answers without a survey link share that transaction with concurrent ones (ApiAnswerBatches).
 */
@Injectable()
export class ResponseApi {
  constructor(
    private readonly transactions: EventTransactions,
    private readonly surveyAnswers: SurveyAnswers,
    private readonly keys: IdempotencyRepository,
    private readonly withoutLink: ApiAnswerBatches,
    private readonly clock: Clock,
  ) {}

  async create(idempotencyKey: string, dto: CreateResponseDto): Promise<ApiOutcome> {
    const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
    const claims = dto.token === undefined ? undefined : this.surveyAnswers.verify(dto.token);
    const answeredAt = this.answeredAt(dto);
    const customerId = claims?.customerId ?? dto.customerId ?? '';
    const comment = dto.comment ?? '';
    const presealed = await this.surveyAnswers.preseal(customerId, comment);
    if (!claims) {
      const record = recordWithoutLink(idempotencyKey, dto, answeredAt);
      return this.withoutLink.add({ key: idempotencyKey, requestHash, record, sealed: presealed.sealed });
    }
    return this.transactions.run(async (unitOfWork) => {
      const earlier = await this.keys.claim(unitOfWork.manager, idempotencyKey, requestHash);
      if (earlier) return replay(earlier, requestHash, dto);
      const given = { score: dto.score, comment: dto.comment };
      const answer = await this.surveyAnswers.accept(unitOfWork, claims, given, ResponseSource.API, presealed);
      await this.keys.remember(unitOfWork.manager, idempotencyKey, answer);
      return { answer, replayed: false };
    });
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

/** An answer without a survey link: its response id derives from the key, so a retry cannot store it twice. */
function recordWithoutLink(key: string, dto: CreateResponseDto, answeredAt: Date): ResponseRecord {
  return {
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
