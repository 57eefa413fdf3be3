import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { problemOf } from './problem.mapper';

export interface ProblemDetailsOptions {
  service: string;
  /** `Retry-After` of the 503 a database outage gets. */
  retryAfterSeconds: number;
}

/**
 * The one HTTP exception filter of every service: whatever a route, guard, pipe or body parser
 * throws is answered as `application/problem+json` (RFC 9457, docs/adr/0011-http-problem-details.md).
 * Kafka handlers are not HTTP: their errors go to the transport (RethrowRpcFilter in @nps/messaging).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpProblems');

  constructor(private readonly options: ProblemDetailsOptions) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const { problem, headers, log } = problemOf(error, { ...this.options, traceId: activeTraceId() });
    if (log === 'error') this.logger.error(error instanceof Error ? error : String(error));
    if (log === 'warn') this.logger.warn(`${problem.code}: ${error instanceof Error ? error.message : String(error)}`);
    const response = host.switchToHttp().getResponse<Response>();
    // A route that streamed part of its answer cannot take an error body any more.
    if (response.headersSent) return void response.end();
    response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).json(problem);
  }
}

function activeTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}
