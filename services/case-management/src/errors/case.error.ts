import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';
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
  [CaseErrorCode.INVALID_CURSOR]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [CaseErrorCode.RULE_PRECEDES_OTHER_TEAMS]: HttpStatus.FORBIDDEN,
};

/** A refusal of the case API with a stable code; @nps/runtime answers it as problem details. */
export class CaseError extends DomainError<CaseErrorCode> {
  constructor(
    code: CaseErrorCode,
    detail: string,
    options: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    const fields = options.field ? [{ field: options.field, reason: detail.replace(`${options.field}: `, '') }] : [];
    super(code, STATUS[code], detail, { fields, extensions: options.extensions });
  }
}
