import { PrivacyError, PrivacyErrorCode } from '../privacy.error';
import { open, seal } from './aes-gcm';

/** A customer's data key, unwrapped. `id` is public: it names the key inside every ciphertext. */
export interface DataKey {
  id: string;
  customerId: string;
  key: Buffer;
}

const PREFIX = 'enc:';
const VERSION = 'v1';
const KEY_ID = /^[0-9a-f-]{36}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The parts of an `enc:v1:<dataKeyId>:<base64url(iv | ciphertext | tag)>` value. */
export interface FieldCiphertext {
  dataKeyId: string;
  sealed: Buffer;
}

/** Whether a field value is a ciphertext of this format (any version); otherwise it is plain text. */
export function isEncryptedField(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Encrypts `text` under the customer's data key, bound to the customer (AAD), as one self-describing string. */
export function encryptField(dataKey: DataKey, text: string): string {
  const sealed = seal(dataKey.key, Buffer.from(text, 'utf8'), aad(dataKey.id, dataKey.customerId));
  return `${PREFIX}${VERSION}:${dataKey.id}:${sealed.toString('base64url')}`;
}

/** Splits a ciphertext into its key id and sealed bytes; throws PrivacyError on an unknown version or shape. */
export function parseField(value: string): FieldCiphertext {
  const [prefix, version, dataKeyId, body, ...rest] = value.split(':');
  if (`${prefix}:` !== PREFIX || rest.length > 0 || body === undefined)
    throw new PrivacyError(PrivacyErrorCode.CiphertextMalformed, 'not of the form enc:<version>:<key id>:<data>');
  if (version !== VERSION)
    throw new PrivacyError(PrivacyErrorCode.CiphertextMalformed, `unknown ciphertext version "${version}"`);
  if (!KEY_ID.test(dataKeyId) || !BASE64URL.test(body))
    throw new PrivacyError(PrivacyErrorCode.CiphertextMalformed, 'the key id or the data is not well-formed');
  return { dataKeyId, sealed: Buffer.from(body, 'base64url') };
}

/** Decrypts a parsed ciphertext with the data key it names; throws PrivacyError when it fails to authenticate. */
export function decryptField(dataKey: DataKey, field: FieldCiphertext): string {
  const plaintext = open(dataKey.key, field.sealed, aad(field.dataKeyId, dataKey.customerId));
  if (!plaintext)
    throw new PrivacyError(
      PrivacyErrorCode.CiphertextRejected,
      'the field failed to authenticate: altered, or encrypted for another customer',
    );
  return plaintext.toString('utf8');
}

function aad(dataKeyId: string, customerId: string): Buffer {
  return Buffer.from(`${PREFIX}${VERSION}:${dataKeyId}:${customerId}`, 'utf8');
}
