import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';

/** Why an effect cannot be measured; stable codes for API clients. */
export enum ImprovementEffectErrorCode {
  IMPROVEMENT_ACTION_NOT_FOUND = 'IMPROVEMENT_ACTION_NOT_FOUND',
  IMPROVEMENT_ACTION_NOT_RELEASED = 'IMPROVEMENT_ACTION_NOT_RELEASED',
}

const STATUS: Record<ImprovementEffectErrorCode, HttpStatus> = {
  [ImprovementEffectErrorCode.IMPROVEMENT_ACTION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ImprovementEffectErrorCode.IMPROVEMENT_ACTION_NOT_RELEASED]: HttpStatus.CONFLICT,
};

export class ImprovementEffectError extends DomainError<ImprovementEffectErrorCode> {
  constructor(code: ImprovementEffectErrorCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(code, STATUS[code], detail, { extensions });
  }
}
