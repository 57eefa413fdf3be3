import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { PrivacyErrorCode } from '../privacy.error';
import { type DataKey, decryptField, encryptField, isEncryptedField, parseField } from './field.cipher';

const aKey = (customerId = 'customer-1'): DataKey => ({ id: randomUUID(), customerId, key: randomBytes(32) });
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('field cipher', () => {
  it('round-trips any text, Unicode included, as enc:v1:<key id>:<base64url>', () => {
    const key = aKey();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const value = encryptField(key, text);
        expect(value).toMatch(new RegExp(`^enc:v1:${key.id}:[A-Za-z0-9_-]+$`));
        expect(isEncryptedField(value)).toBe(true);
        expect(decryptField(key, parseField(value))).toBe(text);
      }),
    );
  });

  it('gives two encryptions of one text different ciphertexts (random IV)', () => {
    const key = aKey();
    expect(encryptField(key, 'Te laat')).not.toBe(encryptField(key, 'Te laat'));
  });

  it('refuses a ciphertext presented for another customer, even under the same key bytes', () => {
    const key = aKey('customer-a');
    const value = encryptField(key, 'Bel me op 06-12345678');
    expect(code(() => decryptField({ ...key, customerId: 'customer-b' }, parseField(value)))).toBe(
      PrivacyErrorCode.CiphertextRejected,
    );
  });

  it('refuses an altered ciphertext and one relabelled with another key id', () => {
    const key = aKey();
    const value = encryptField(key, 'Slecht');
    const body = value.split(':')[3];
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(code(() => decryptField(key, parseField(value.replace(body, flipped))))).toBe(
      PrivacyErrorCode.CiphertextRejected,
    );
    const other = randomUUID();
    expect(code(() => decryptField({ ...key, id: other }, parseField(value.replace(key.id, other))))).toBe(
      PrivacyErrorCode.CiphertextRejected,
    );
  });

  it.each([
    ['another version', `enc:v2:${randomUUID()}:AAAA`],
    ['a missing part', `enc:v1:${randomUUID()}`],
    ['an extra part', `enc:v1:${randomUUID()}:AAAA:BBBB`],
    ['a bad key id', 'enc:v1:not-a-key:AAAA'],
    ['standard base64', `enc:v1:${randomUUID()}:AA+/`],
  ])('calls %s malformed', (_case, value) => {
    expect(code(() => parseField(value))).toBe(PrivacyErrorCode.CiphertextMalformed);
  });

  it('reads anything without the enc: prefix as plain text', () => {
    expect(isEncryptedField('Te laat')).toBe(false);
    expect(isEncryptedField('')).toBe(false);
  });
});
