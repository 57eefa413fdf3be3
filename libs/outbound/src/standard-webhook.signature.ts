import { createHmac } from 'node:crypto';

/**
 * The headers of one Standard Webhooks delivery (https://www.standardwebhooks.com): `webhook-signature` is `v1,` +
 * base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the base64 part of a `whsec_` secret. Receivers
 * dedupe on `webhook-id`, so a retry of the same delivery keeps its id.
 */
export function standardWebhookHeaders(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
}
