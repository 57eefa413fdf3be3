import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';

/** Stable codes of the improvement-action API's refusals (docs/case-management.md). */
export enum ImprovementActionErrorCode {
  IMPROVEMENT_ACTION_NOT_FOUND = 'IMPROVEMENT_ACTION_NOT_FOUND',
  /** The same code as a case's illegal transition: clients handle both alike. */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  RELEASED_IN_FUTURE = 'RELEASED_IN_FUTURE',
}

const STATUS: Record<ImprovementActionErrorCode, HttpStatus> = {
  [ImprovementActionErrorCode.IMPROVEMENT_ACTION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ImprovementActionErrorCode.ILLEGAL_TRANSITION]: HttpStatus.CONFLICT,
  [ImprovementActionErrorCode.CASE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ImprovementActionErrorCode.MEMBER_NOT_FOUND]: HttpStatus.BAD_REQUEST,
  [ImprovementActionErrorCode.RELEASED_IN_FUTURE]: HttpStatus.BAD_REQUEST,
};

/** A refusal of the improvement-action API; @nps/runtime answers it as problem details. */
export class ImprovementActionError extends DomainError<ImprovementActionErrorCode> {
  constructor(
    code: ImprovementActionErrorCode,
    detail: string,
    options: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    const fields = options.field ? [{ field: options.field, reason: detail.replace(`${options.field}: `, '') }] : [];
    super(code, STATUS[code], detail, { fields, extensions: options.extensions });
  }
}
