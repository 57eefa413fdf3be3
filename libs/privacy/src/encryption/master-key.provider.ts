/** A data key as the key store holds it: encrypted under one master key. */
export interface WrappedKey {
  masterKeyId: string;
  ciphertext: Buffer;
}

/**
 * Where master keys live: the seam for a KMS (docs/adr/0037). The environment implementation holds
 * the keys in memory; a KMS implementation would send `wrap`/`unwrap` to the KMS (Encrypt/Decrypt
 * with `context` as the encryption context) and never see the master key itself.
 */
export interface MasterKeyProvider {
  /** The master key that wraps new data keys (and the target of a rewrap). */
  readonly currentKeyId: string;
  /** Encrypts a data key under the current master key; `context` is bound as additional authenticated data. */
  wrap(dataKey: Buffer, context: string): Promise<WrappedKey>;
  /** Decrypts a data key under whichever configured master key wrapped it; throws PrivacyError otherwise. */
  unwrap(wrapped: WrappedKey, context: string): Promise<Buffer>;
}
