// @ApiProperty options for what JSON carries as strings, shared by every service's response DTOs.

/** An instant, serialised as an ISO 8601 date-time (a `Date` becomes one in JSON). */
export const ISO_TIME = { type: String, format: 'date-time' };
export const NULLABLE_ISO_TIME = { nullable: true, type: String, format: 'date-time' };
/** A local day, `YYYY-MM-DD`. */
export const ISO_DAY = { type: String, format: 'date' };
export const NULLABLE_STRING = { nullable: true, type: String };
