import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';

/** Why an NPS question cannot be answered as asked; stable codes for API clients. */
export enum NpsQueryErrorCode {
  TIME_ZONE_NOT_ROLLED_UP = 'TIME_ZONE_NOT_ROLLED_UP',
  PERIOD_REVERSED = 'PERIOD_REVERSED',
  NO_SECOND_SIDE = 'NO_SECOND_SIDE',
}

/** A question the NPS API refuses (400); the field is the query parameter to change. */
export class NpsQueryError extends DomainError<NpsQueryErrorCode> {
  constructor(code: NpsQueryErrorCode, field: string, reason: string) {
    super(code, HttpStatus.BAD_REQUEST, `${field} ${reason}`, { fields: [{ field, reason }] });
  }
}
