import { PrivacyError, PrivacyErrorCode } from '../privacy.error';
import { open, seal } from './aes-gcm';
import type { MasterKeyProvider, WrappedKey } from './master-key.provider';

const KEY_BYTES = 32;

/** `id:base64,...` (PRIVACY_MASTER_KEYS) as key id → 32-byte key; throws on anything else. */
export function parseMasterKeys(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const pair of value.split(',')) {
    const separator = pair.indexOf(':');
    const id = pair.slice(0, separator);
    const key = Buffer.from(pair.slice(separator + 1), 'base64');
    if (separator < 1 || key.length !== KEY_BYTES) throw new Error(`master key "${id}" is not id:<32 bytes in base64>`);
    if (keys.has(id)) throw new Error(`master key id "${id}" appears twice`);
    keys.set(id, key);
  }
  return keys;
}

/** Master keys from configuration: one current for wrapping, all of them for unwrapping (rotation). */
export class EnvMasterKeyProvider implements MasterKeyProvider {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly currentKeyId: string,
  ) {
    if (!keys.has(currentKeyId)) throw new Error(`the current master key "${currentKeyId}" is not configured`);
  }

  static fromSettings(settings: { PRIVACY_MASTER_KEYS: string; PRIVACY_MASTER_KEY_ID: string }): EnvMasterKeyProvider {
    return new EnvMasterKeyProvider(parseMasterKeys(settings.PRIVACY_MASTER_KEYS), settings.PRIVACY_MASTER_KEY_ID);
  }

  async wrap(dataKey: Buffer, context: string): Promise<WrappedKey> {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    return { masterKeyId: this.currentKeyId, ciphertext: seal(key, dataKey, aad(this.currentKeyId, context)) };
  }

  async unwrap(wrapped: WrappedKey, context: string): Promise<Buffer> {
    const key = this.keys.get(wrapped.masterKeyId);
    if (!key) {
      throw new PrivacyError(
        PrivacyErrorCode.MasterKeyUnknown,
        `data key wrapped by master key "${wrapped.masterKeyId}", which is not configured`,
      );
    }
    const dataKey = open(key, wrapped.ciphertext, aad(wrapped.masterKeyId, context));
    if (!dataKey)
      throw new PrivacyError(PrivacyErrorCode.CiphertextRejected, 'a wrapped data key failed to authenticate');
    return dataKey;
  }
}

// The master key id is bound too: a wrapped key cannot be relabelled as another master key's.
function aad(masterKeyId: string, context: string): Buffer {
  return Buffer.from(`nps-data-key:v1:${masterKeyId}:${context}`, 'utf8');
}
