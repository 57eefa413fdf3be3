/** An RFC 9457 problem details body, as every service answers errors (docs/adr/0011). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** What clients branch on, e.g. `ILLEGAL_TRANSITION`, `FORBIDDEN`, `VALIDATION_FAILED`. */
  code?: string;
  fields?: { field: string; reason: string }[];
  traceId?: string;
}

/** A refusal or failure of a service's API; `message` is the sentence to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
  }
}

function describeProblem(status: number, problem: Problem): string {
  const fields = (problem.fields ?? []).map((f) => `${f.field}: ${f.reason}`).join('; ');
  const text = problem.detail ?? problem.title ?? `The service answered ${status}`;
  return fields ? `${text} (${fields})` : text;
}
