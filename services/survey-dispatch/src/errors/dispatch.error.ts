import { HttpStatus } from '@nestjs/common';
import { DomainError, type FieldProblem as RequestFieldProblem } from '@nps/runtime';

/** Stable codes of every refusal of this service's HTTP API. */
export enum DispatchErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  UnreadableImport = 'UNREADABLE_IMPORT',
  UnsupportedContentType = 'UNSUPPORTED_CONTENT_TYPE',
  /** A `customerId` in the body that names no imported customer: 400, as the body is at fault (ADR 0073). */
  UnknownCustomer = 'UNKNOWN_CUSTOMER',
}

const STATUS: Record<DispatchErrorCode, HttpStatus> = {
  [DispatchErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [DispatchErrorCode.UnreadableImport]: HttpStatus.BAD_REQUEST,
  [DispatchErrorCode.UnsupportedContentType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [DispatchErrorCode.UnknownCustomer]: HttpStatus.BAD_REQUEST,
};

export interface FieldProblem extends RequestFieldProblem {
  /** Import rows: the CSV line or JSON position. */
  line?: number;
}

/** A refusal with a stable code; @nps/runtime answers it as problem details. */
export class DispatchError extends DomainError<DispatchErrorCode> {
  constructor(code: DispatchErrorCode, detail: string, fields: FieldProblem[] = []) {
    super(code, STATUS[code], detail, { fields });
  }

  static missingField(field: string, example: string): DispatchError {
    const detail = `${field} is required, e.g. ${example}`;
    return new DispatchError(DispatchErrorCode.ValidationFailed, detail, [{ field, reason: 'is required' }]);
  }
}
