/** Stable codes of what the privacy library refuses (STYLE.md, Errors). */
export enum PrivacyErrorCode {
  /** A wrapped data key names a master key that is not configured (removed before a rewrap finished). */
  MasterKeyUnknown = 'PRIVACY_MASTER_KEY_UNKNOWN',
  /** A field value starts like a ciphertext but is not one of a known version and shape. */
  CiphertextMalformed = 'PRIVACY_CIPHERTEXT_MALFORMED',
  /** Authentication failed: the ciphertext was altered, or belongs to another customer (its AAD differs). */
  CiphertextRejected = 'PRIVACY_CIPHERTEXT_REJECTED',
}

/**
 * A defect, not an outage or an erasure: a consumer that meets one should dead-letter the record.
 * An erased customer is never an error (DecryptedField `{ erased: true }`).
 */
export class PrivacyError extends Error {
  override readonly name = 'PrivacyError';

  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
