/**
 * SQLSTATE classes that mean "the database is not there right now", not "this statement is wrong":
 * 08 connection exception, 53 insufficient resources, 57P01–57P05 shutdown / cannot connect now.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-5])/;
const UNAVAILABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// pg and pg-pool report a dropped or unobtainable connection as plain Errors with these messages.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/**
 * True when `error` (a pg error, a TypeORM QueryFailedError wrapping one, or a socket error) says
 * Postgres is unreachable or shutting down: an outage to wait out, never a reason to reject work.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NETWORK_CODES.has(code))) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
    current = driverError ?? cause;
  }
  return false;
}
