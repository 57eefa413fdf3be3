/** Why an event was refused before publishing. */
export const InvalidEventReason = {
  WrongMessageType: 'WRONG_MESSAGE_TYPE',
  MissingEventId: 'MISSING_EVENT_ID',
  MissingOccurredAt: 'MISSING_OCCURRED_AT',
  InvalidOccurredAt: 'INVALID_OCCURRED_AT',
  MissingKey: 'MISSING_KEY',
  MissingSource: 'MISSING_SOURCE',
} as const;
export type InvalidEventReason = (typeof InvalidEventReason)[keyof typeof InvalidEventReason];

/** The producer's own bug: an event that would break the contract is refused, never published. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly topic: string,
    readonly reason: InvalidEventReason,
    detail: string,
  ) {
    super(`refusing to encode an event for ${topic} (${reason}): ${detail}`);
  }
}
