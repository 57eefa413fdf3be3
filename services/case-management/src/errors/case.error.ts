import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';
import { CaseErrorCode } from './case-error.code';

const STATUS: Record<CaseErrorCode, HttpStatus> = {
  [CaseErrorCode.CASE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.TEAM_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.MEMBER_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.RULE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.IMPROVEMENT_ACTION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CaseErrorCode.ILLEGAL_TRANSITION]: HttpStatus.CONFLICT,
  [CaseErrorCode.REOPEN_WINDOW_PASSED]: HttpStatus.CONFLICT,
  [CaseErrorCode.ALREADY_EXISTS]: HttpStatus.CONFLICT,
  [CaseErrorCode.UNKNOWN_ROOT_CAUSE]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.INVALID_CALENDAR]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.INVALID_CURSOR]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.RELEASED_IN_FUTURE]: HttpStatus.BAD_REQUEST,
  [CaseErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [CaseErrorCode.RULE_PRECEDES_OTHER_TEAMS]: HttpStatus.FORBIDDEN,
};

/**
 * A refusal of the case-management API with a stable code; @nps/runtime answers it as problem details.
 * A `*_NOT_FOUND` for an id the body names (`field`) is the body's fault, not the addressed resource's: 400, not 404
 * (ADR 0073).
 */
export class CaseError extends DomainError<CaseErrorCode> {
  constructor(
    code: CaseErrorCode,
    detail: string,
    options: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    const fields = options.field ? [{ field: options.field, reason: detail.replace(`${options.field}: `, '') }] : [];
    const status = options.field && STATUS[code] === HttpStatus.NOT_FOUND ? HttpStatus.BAD_REQUEST : STATUS[code];
    super(code, status, detail, { fields, extensions: options.extensions });
  }
}
