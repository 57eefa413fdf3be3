/** Stable codes of every refusal of this service's HTTP API. */
export enum DispatchErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  UnreadableImport = 'UNREADABLE_IMPORT',
  UnsupportedContentType = 'UNSUPPORTED_CONTENT_TYPE',
  UnknownCustomer = 'UNKNOWN_CUSTOMER',
}

export interface FieldProblem {
  field: string;
  reason: string;
  /** Import rows: the CSV line or JSON position. */
  line?: number;
}

/** A refusal with a stable code; DispatchErrorFilter turns it into the HTTP answer. */
export class DispatchError extends Error {
  constructor(
    readonly code: DispatchErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DispatchError';
  }

  static missingField(field: string, example: string): DispatchError {
    return new DispatchError(DispatchErrorCode.ValidationFailed, `${field} is required, e.g. ${example}`, [{ field, reason: 'is required' }]);
  }
}
