import { type DecryptedField, plainText } from './encryption/decrypted-field';
import { type DataKey, decryptField, encryptField, isEncryptedField, parseField } from './encryption/field.cipher';
import type { CustomerKeys } from './key-store/customer-keys';
import { PrivacyError, PrivacyErrorCode } from './privacy.error';

/**
 * Encrypts and decrypts the personal fields of events (names, comments, other free text) with the
 * customer's data key (docs/adr/0037). Producers encrypt before the outbox; consumers decrypt only
 * where they need the text.
 */
export class PersonalFields {
  constructor(private readonly keys: CustomerKeys) {}

  /** `enc:v1:…` for a non-empty text, bound to the customer; an empty text stays empty (nothing to protect). */
  async encrypt(customerId: string, text: string): Promise<string> {
    if (text === '') return '';
    return encryptField(await this.keys.getOrCreate(customerId), text);
  }

  /** encrypt for many fields at once (a batch of a bulk import), in their order; one key lookup per batch. */
  async encryptMany(fields: readonly { customerId: string; text: string }[]): Promise<string[]> {
    const keys = await this.keys.getOrCreateMany(fields.filter((f) => f.text !== '').map((f) => f.customerId));
    return fields.map((f) => (f.text === '' ? '' : encryptField(keys.get(f.customerId) as DataKey, f.text)));
  }

  /**
   * The text of a field, or `{ erased: true }` when the customer's key was erased (never an exception:
   * the record is processed, with the text gone). A plain value, written before encryption was wired
   * in, is returned as it is. Throws PrivacyError for a malformed, altered or foreign ciphertext.
   */
  async decrypt(customerId: string, value: string): Promise<DecryptedField> {
    if (!isEncryptedField(value)) return { erased: false, text: value };
    const field = parseField(value);
    const key = await this.keys.find(customerId);
    if (key?.id === field.dataKeyId) return { erased: false, text: decryptField(key, field) };
    // Not the key we hold for the customer: erased (and maybe created anew since), another customer's,
    // or a key created after our cached one was erased elsewhere.
    const owner = await this.keys.ownerOf(field.dataKeyId);
    if (owner === undefined) return { erased: true };
    if (owner !== customerId)
      throw new PrivacyError(PrivacyErrorCode.CiphertextRejected, 'the field was encrypted for another customer');
    const fresh = await this.keys.find(customerId, { bypassCache: true });
    if (fresh?.id !== field.dataKeyId) return { erased: true };
    return { erased: false, text: decryptField(fresh, field) };
  }

  /**
   * decrypt for many fields (a batch's records), in their order: the keys not cached are read in one query
   * instead of one each.
   */
  async decryptMany(fields: readonly { customerId: string; value: string }[]): Promise<DecryptedField[]> {
    await this.keys.prefetch(fields.filter((field) => isEncryptedField(field.value)).map((field) => field.customerId));
    const decrypted: DecryptedField[] = [];
    for (const { customerId, value } of fields) decrypted.push(await this.decrypt(customerId, value));
    return decrypted;
  }

  /** The field's text, or '' for an erased customer's: for a consumer that processes the record with the text gone. */
  async decryptText(customerId: string, value: string): Promise<string> {
    return plainText(await this.decrypt(customerId, value));
  }

  /** decryptText for many fields (a batch's records), in their order, with decryptMany's one read of the keys. */
  async decryptTexts(fields: readonly { customerId: string; value: string }[]): Promise<string[]> {
    return (await this.decryptMany(fields)).map(plainText);
  }
}
