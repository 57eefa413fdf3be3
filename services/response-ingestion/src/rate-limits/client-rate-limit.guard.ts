import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '@nps/auth';
import { RateLimits } from '@nps/runtime';
import type { Response } from 'express';
import { MAX_BATCH_ANSWERS } from '../answers/answer-batch.limit';
import { IngestionError } from '../errors/ingestion.error';
import { ResponseIngestionEnv } from '../response-ingestion.env';

/**
 * The answers one machine client may send per window (RATE_LIMIT_ANSWERS_PER_CLIENT), counted by the
 * verified token's `sub` (a machine's client id) once the auth guard has checked it: every token a
 * client holds draws on one budget, and a forged or expired one is refused before it counts (ADR 0054).
 * A batch draws one per answer it holds (ADR 0068). Route guards run after the global auth guard.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  private readonly limit: (subject: string, response: Response, points: number) => Promise<void>;

  constructor(
    limits: RateLimits,
    private readonly env: ResponseIngestionEnv,
  ) {
    this.limit = limits.subjectLimit('responses', env.RATE_LIMIT_ANSWERS_PER_CLIENT, env.RATE_LIMIT_WINDOW_SECONDS);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { principal, body } = context.switchToHttp().getRequest<AuthenticatedRequest & { body?: unknown }>();
    if (!principal) return true;
    const answers = answersIn(body);
    if (answers > this.env.RATE_LIMIT_ANSWERS_PER_CLIENT)
      throw IngestionError.invalidField(
        'answers',
        `holds ${answers} answers, more than this client may send in ${this.env.RATE_LIMIT_WINDOW_SECONDS} s ` +
          `(${this.env.RATE_LIMIT_ANSWERS_PER_CLIENT}); send smaller batches`,
      );
    // A batch too long to be taken (refused by validation next) draws no more than the longest one taken.
    await this.limit(principal.subject, context.switchToHttp().getResponse(), Math.min(answers, MAX_BATCH_ANSWERS));
    return true;
  }
}

/** One for `POST /responses`; the length of `answers` for a batch (its shape is validated after guards). */
function answersIn(body: unknown): number {
  const answers = (body as { answers?: unknown } | undefined)?.answers;
  return Array.isArray(answers) ? Math.max(1, answers.length) : 1;
}
