import { HttpStatus } from '@nestjs/common';
import { CaseErrorCode } from './case-error.code';

const STATUS: Record<CaseErrorCode, HttpStatus> = {
  [CaseErrorCode.CASE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.TEAM_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.MEMBER_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.RULE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.ILLEGAL_TRANSITION]: HttpStatus.CONFLICT,
  [CaseErrorCode.REOPEN_WINDOW_PASSED]: HttpStatus.CONFLICT,
  [CaseErrorCode.ALREADY_EXISTS]: HttpStatus.CONFLICT,
  [CaseErrorCode.UNKNOWN_ROOT_CAUSE]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.INVALID_CALENDAR]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
};

/** A domain error with a stable code; CaseErrorFilter turns it into the HTTP answer. */
export class CaseError extends Error {
  constructor(
    readonly code: CaseErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): HttpStatus {
    return STATUS[this.code];
  }
}
