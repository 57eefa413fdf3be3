/** Why an event was refused before publishing. */
export const ContractViolationReason = {
  WrongMessageType: 'WRONG_MESSAGE_TYPE',
  MissingEventId: 'MISSING_EVENT_ID',
  MissingOccurredAt: 'MISSING_OCCURRED_AT',
  InvalidOccurredAt: 'INVALID_OCCURRED_AT',
  MissingKey: 'MISSING_KEY',
  MissingSource: 'MISSING_SOURCE',
} as const;
export type ContractViolationReason = (typeof ContractViolationReason)[keyof typeof ContractViolationReason];

/** The producer's own bug: an event that would break the contract is refused, never published. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    readonly topic: string,
    readonly reason: ContractViolationReason,
    detail: string,
  ) {
    super(`refusing to encode an event for ${topic} (${reason}): ${detail}`);
  }
}
