/** An Idempotency-Key: printable ASCII without spaces, long enough to be unique, short enough to store. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;
export const IDEMPOTENCY_KEY_RULE = '8–200 printable ASCII characters, unique per answer';
