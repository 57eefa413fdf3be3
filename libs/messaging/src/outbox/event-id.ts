import { createHash, randomUUID } from 'node:crypto';

/**
 * The id of an event a handler publishes without choosing one. Derived from the event being
 * handled, so a replay that handles it again publishes the same id and downstream inboxes
 * drop the copy; events not caused by another event get a random id.
 */
export function eventIdFor(causationId: string | undefined, topic: string, index: number): string {
  if (!causationId) return randomUUID();
  const hash = createHash('sha1').update(`${causationId}|${topic}|${index}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5 (name-based, SHA-1)
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
