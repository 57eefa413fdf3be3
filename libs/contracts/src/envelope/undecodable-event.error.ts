/** Why a consumed record is not an event of its topic; stable codes for dead-letter headers. */
export const UndecodableReason = {
  MissingKey: 'MISSING_KEY',
  MissingValue: 'MISSING_VALUE',
  MissingHeader: 'MISSING_HEADER',
  RepeatedHeader: 'REPEATED_HEADER',
  UnsupportedSpecVersion: 'UNSUPPORTED_SPEC_VERSION',
  UnsupportedContentType: 'UNSUPPORTED_CONTENT_TYPE',
  TypeMismatch: 'TYPE_MISMATCH',
  InvalidProtobuf: 'INVALID_PROTOBUF',
  MissingEventId: 'MISSING_EVENT_ID',
  IdMismatch: 'ID_MISMATCH',
  KeyMismatch: 'KEY_MISMATCH',
} as const;
export type UndecodableReason = (typeof UndecodableReason)[keyof typeof UndecodableReason];

/**
 * A record that can never be handled, however often it is retried: the consumer sends it to the
 * dead-letter topic with `reason` and `message` in headers, and moves on.
 */
export class UndecodableEventError extends Error {
  override readonly name = 'UndecodableEventError';

  constructor(
    readonly topic: string,
    readonly reason: UndecodableReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`undecodable event on ${topic} (${reason}): ${detail}`, options);
  }
}
