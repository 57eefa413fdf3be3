import type { FieldProblem } from '../http/field-problems';

export interface DomainErrorOptions {
  /** The request fields to change, for refusals caused by what the caller sent. */
  fields?: FieldProblem[];
  /** Further members of the problem details body, e.g. `{ allowed: ['close'] }`; never the standard ones. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A refusal a service gives on purpose: a stable `code` from the service's own enum, the HTTP status it
 * answers with and a `detail` a person can act on. The one exception filter renders it as RFC 9457
 * problem details (docs/adr/0011-http-problem-details.md).
 */
export class DomainError<Code extends string = string> extends Error {
  readonly fields: FieldProblem[];
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: Code,
    readonly status: number,
    detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
  }

  get detail(): string {
    return this.message;
  }
}
