import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { RateLimitModule, RateLimits } from '@nps/runtime';
import type { Request } from 'express';
import { ResponseIngestionEnv } from '../response-ingestion.env';

/**
 * Rate limits of the public ways in (docs/security.md, Public surface): per client address and per
 * survey link, each surface its own budget, counted in Postgres across instances. `POST /responses`' budget
 * per machine client is counted after authentication (ClientRateLimitGuard).
 */
@Module({ imports: [RateLimitModule] })
export class PublicRateLimitsModule implements NestModule {
  constructor(
    private readonly limits: RateLimits,
    private readonly env: ResponseIngestionEnv,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const policy = (name: string, subjects: (request: Request) => string[]) =>
      this.limits.middleware({
        name,
        windowSeconds: this.env.RATE_LIMIT_WINDOW_SECONDS,
        perAddress: this.env.RATE_LIMIT_PER_ADDRESS,
        perSubject: this.env.RATE_LIMIT_PER_SUBJECT,
        subjects,
      });
    // Middleware paths match by prefix: without the exclusion every unsubscribe would also count as the survey
    // page of one link named "unsubscribe", and 60 customers a minute could unsubscribe at most.
    consumer
      .apply(policy('survey-page', (request) => [pageToken(request)]))
      .exclude({ path: 's/unsubscribe/:token', method: RequestMethod.ALL })
      .forRoutes('s/:token');
    consumer.apply(policy('unsubscribe', (request) => [pageToken(request, 3)])).forRoutes('s/unsubscribe/:token');
    consumer
      .apply(policy('responses', (request) => [bodyText(request, 'token')]))
      .forRoutes(
        { path: 'responses', method: RequestMethod.POST },
        { path: 'responses/batch', method: RequestMethod.POST },
      );
    consumer
      .apply(policy('sms', (request) => [bodyText(request, 'messageRef')]))
      .forRoutes({ path: 'sms/inbound', method: RequestMethod.POST });
  }
}

/**
 * The token of `/s/<token>` (of `/s/unsubscribe/<token>`: segment 3), read from the URL (route parameters are
 * not parsed yet in middleware).
 */
function pageToken(request: Request, segment = 2): string {
  return decodeURIComponent(request.originalUrl.split('?')[0].split('/')[segment] ?? '');
}

function bodyText(request: Request, field: string): string {
  const value: unknown = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}
