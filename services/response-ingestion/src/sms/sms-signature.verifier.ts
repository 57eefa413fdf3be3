import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header an SMS gateway signs its inbound webhook with: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SMS_SIGNATURE_HEADER = 'x-signature';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The header value a gateway sends for `body` under `secret` (docs/security.md shows it in a shell). */
export function smsSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether `header` is the signature of exactly these bytes under `secret`, compared in constant time. */
export function smsSignatureValid(secret: string, body: Buffer | undefined, header: unknown): boolean {
  if (body === undefined || typeof header !== 'string') return false;
  const given = SIGNATURE.exec(header.trim());
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given[1], 'hex'));
}
