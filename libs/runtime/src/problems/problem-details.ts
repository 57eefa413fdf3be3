import type { FieldProblem } from '../http/field-problems';

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An HTTP error answer of any of our services, RFC 9457 members plus our extensions. */
export interface ProblemDetails {
  /** `urn:nps:problem:<code>` for platform codes, `urn:nps:problem:<service>:<code>` for a service's own. */
  type: string;
  /** Short and the same for every occurrence of the code. */
  title: string;
  status: number;
  /** What went wrong this time, for a person; never internals. */
  detail: string;
  /** Stable, UPPER_SNAKE_CASE: what clients branch on. */
  code: string;
  /** The request fields to change (validation and other field-level refusals). */
  fields?: FieldProblem[];
  /** The OpenTelemetry trace id of the request, to find its logs. */
  traceId?: string;
  [extension: string]: unknown;
}

/** Codes every service may answer with; a service's own codes live in its own enum. */
export enum PlatformProblemCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHORIZED = 'UNAUTHORIZED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE_ENTITY = 'UNPROCESSABLE_ENTITY',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

const PLATFORM_CODES: ReadonlySet<string> = new Set(Object.values(PlatformProblemCode));

/** Whether `code` means the same on every service. */
export function isPlatformCode(code: string): boolean {
  return PLATFORM_CODES.has(code);
}

/** The problem type URI of `code`: platform codes are shared, the others belong to `service`. */
export function problemType(code: string, service: string): string {
  const name = code.toLowerCase().replace(/_/g, '-');
  return isPlatformCode(code) ? `urn:nps:problem:${name}` : `urn:nps:problem:${service}:${name}`;
}

/** `ILLEGAL_TRANSITION` → `Illegal transition`. */
export function problemTitle(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
