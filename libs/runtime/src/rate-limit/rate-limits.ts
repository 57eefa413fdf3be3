import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError } from '../problems/domain.error';
import { PlatformProblemCode } from '../problems/problem-details';
import { CoalescedLimiter } from './coalesced-limiter';

/** One limited surface: requests per window per client address, and per subject (a survey link, a reference). */
export interface RateLimitPolicy {
  /** Names the surface in the counters' keys, so surfaces do not share a budget. */
  name: string;
  windowSeconds: number;
  perAddress: number;
  perSubject: number;
  /** What the request acts for: a survey token, an SMS reference… (hashed before they are stored). */
  subjects: (request: Request) => string[];
}

type Middleware = (request: Request, response: Response, next: NextFunction) => Promise<void>;

/**
 * Express middleware enforcing a RateLimitPolicy with counters in the service's Postgres schema
 * (table `rate_limits`, RateLimitTables migration), so the limit holds across instances. Over the
 * limit: 429 problem details with `Retry-After`. Postgres unreachable: each instance falls back to
 * the same limits in memory rather than failing open or closed (docs/security.md, Public surface).
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger(RateLimits.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  middleware(policy: RateLimitPolicy): Middleware {
    const byAddress = this.limiter(`${policy.name}:ip`, policy.perAddress, policy.windowSeconds);
    const bySubject = this.limiter(`${policy.name}:sub`, policy.perSubject, policy.windowSeconds);
    return async (request, response, next) => {
      const subjects = [...new Set(policy.subjects(request).filter((subject) => subject !== ''))];
      const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
      await this.consume(byAddress, address, response, 'this address');
      for (const subject of subjects) await this.consume(bySubject, digest(subject), response, 'this link');
      next();
    };
  }

  /**
   * A per-subject limit for a subject known only later than middleware runs (a verified client, after
   * the auth guard): call the returned function with the subject and what the request counts for (one
   * unless it carries several items); over the limit it throws the 429.
   */
  subjectLimit(
    name: string,
    perSubject: number,
    windowSeconds: number,
  ): (subject: string, response: Response, points?: number) => Promise<void> {
    const limiter = this.limiter(`${name}:client`, perSubject, windowSeconds);
    return (subject, response, points = 1) => this.consume(limiter, digest(subject), response, 'this client', points);
  }

  private limiter(keyPrefix: string, points: number, duration: number): CoalescedLimiter {
    const limiter = new RateLimiterPostgres({
      storeClient: this.dataSource,
      storeType: 'typeorm',
      schemaName: this.tables.schema,
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
    return new CoalescedLimiter(limiter, points);
  }

  private async consume(
    limiter: CoalescedLimiter,
    key: string,
    response: Response,
    who: string,
    points = 1,
  ): Promise<void> {
    try {
      await limiter.consume(key, points);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) {
        // Neither store answered (not even the in-memory insurance): let the request through.
        this.logger.warn(`rate limit not checked: ${outcome instanceof Error ? outcome.message : String(outcome)}`);
        return;
      }
      const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(seconds));
      throw new DomainError(
        PlatformProblemCode.TOO_MANY_REQUESTS,
        HttpStatus.TOO_MANY_REQUESTS,
        `too many requests for ${who}; try again in ${seconds} s`,
      );
    }
  }
}

/** Tokens and client ids are not stored as such: a short hash names their counter. */
function digest(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url');
}
