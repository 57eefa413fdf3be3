import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '@nps/auth';
import { RateLimits } from '@nps/runtime';
import type { Response } from 'express';
import { ResponseIngestionEnv } from '../response-ingestion.env';

/**
 * `POST /responses`' budget per machine client (RATE_LIMIT_PER_SUBJECT), counted by the verified token's
 * `sub` (a machine's client id) once the auth guard has checked it: every token a client holds draws on
 * one budget, and a forged or expired one is refused before it counts (ADR 0054). Route guards run after
 * the global auth guard.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  private readonly limit: (subject: string, response: Response) => Promise<void>;

  constructor(limits: RateLimits, env: ResponseIngestionEnv) {
    this.limit = limits.subjectLimit('responses', env.RATE_LIMIT_PER_SUBJECT, env.RATE_LIMIT_WINDOW_SECONDS);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (principal) await this.limit(principal.subject, context.switchToHttp().getResponse());
    return true;
  }
}
