/** Why an NPS question cannot be answered as asked; stable codes for API clients. */
export enum NpsQueryErrorCode {
  TIME_ZONE_NOT_ROLLED_UP = 'TIME_ZONE_NOT_ROLLED_UP',
  PERIOD_REVERSED = 'PERIOD_REVERSED',
  NO_SECOND_SIDE = 'NO_SECOND_SIDE',
}

/** A question the NPS API refuses (400); `field` is the query parameter to change. */
export class NpsQueryError extends Error {
  constructor(
    readonly code: NpsQueryErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'NpsQueryError';
  }
}
