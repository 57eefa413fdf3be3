import { HttpException, HttpStatus } from '@nestjs/common';
import { isDatabaseUnavailable } from '@nps/persistence';
import { DomainError } from './domain.error';
import { PlatformProblemCode as Code, type ProblemDetails, problemTitle, problemType } from './problem-details';

export interface ProblemContext {
  /** Owner of the service's own codes in `type`. */
  service: string;
  /** Sent as `Retry-After` with a 503 for a database outage. */
  retryAfterSeconds: number;
  traceId?: string;
}

/** What to answer for an error, and whether the error is worth a log line of its own. */
export interface ProblemAnswer {
  problem: ProblemDetails;
  headers: Record<string, string>;
  log?: 'warn' | 'error';
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'fields', 'traceId', 'instance']);
const UNEXPECTED =
  'the request could not be carried out because of an error on our side; the traceId finds it in our logs';

/** Maps anything a request handler, guard, pipe or body parser threw to problem details (docs/contracts.md). */
export function problemOf(error: unknown, context: ProblemContext): ProblemAnswer {
  if (error instanceof DomainError) return { problem: fromDomainError(error, context), headers: {} };
  if (error instanceof HttpException) return fromHttpException(error, context);
  if (isDatabaseUnavailable(error)) {
    const seconds = context.retryAfterSeconds;
    const detail = `the database is unavailable right now; nothing was changed, try again in ${seconds} s`;
    const problem = build(Code.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, detail, context);
    return { problem, headers: { 'Retry-After': String(seconds) }, log: 'warn' };
  }
  const clientError = clientErrorStatus(error);
  if (clientError) {
    return { problem: build(codeOfStatus(clientError), clientError, (error as Error).message, context), headers: {} };
  }
  const problem = build(Code.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED, context);
  return { problem, headers: {}, log: 'error' };
}

function fromDomainError(error: DomainError, context: ProblemContext): ProblemDetails {
  const extensions = Object.fromEntries(Object.entries(error.extensions).filter(([key]) => !STANDARD_MEMBERS.has(key)));
  const fields = error.fields.length > 0 ? { fields: error.fields } : {};
  return build(error.code, error.status, error.detail, context, { ...fields, ...extensions });
}

function fromHttpException(error: HttpException, context: ProblemContext): ProblemAnswer {
  const status = error.getStatus();
  const answer = error.getResponse();
  const message = typeof answer === 'string' ? answer : (answer as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
  const log = status >= 500 ? 'error' : undefined;
  return { problem: build(codeOfStatus(status), status, detail, context), headers: {}, log };
}

function build(code: string, status: number, detail: string, context: ProblemContext, more = {}): ProblemDetails {
  const trace = context.traceId ? { traceId: context.traceId } : {};
  const type = problemType(code, context.service);
  return { type, title: problemTitle(code), status, detail, code, ...more, ...trace };
}

/** The platform code of an HTTP status: its name (`PAYLOAD_TOO_LARGE`), every 5xx but 503 an internal error. */
function codeOfStatus(status: number): string {
  if (status === HttpStatus.SERVICE_UNAVAILABLE) return Code.SERVICE_UNAVAILABLE;
  if (status >= 500) return Code.INTERNAL_ERROR;
  return (HttpStatus as unknown as Record<number, string | undefined>)[status] ?? Code.BAD_REQUEST;
}

/** The 4xx of an `http-errors` error meant for the client, as body-parser throws (413 body too large, 415 charset). */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode, expose } = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose === true ? code : undefined;
}
