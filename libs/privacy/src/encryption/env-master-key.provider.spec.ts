import { randomBytes } from 'node:crypto';
import { PrivacyError, PrivacyErrorCode } from '../privacy.error';
import { EnvMasterKeyProvider, parseMasterKeys } from './env-master-key.provider';

const base64Key = () => randomBytes(32).toString('base64');

describe('EnvMasterKeyProvider', () => {
  const old = base64Key();
  const current = base64Key();

  it('wraps with the current key and unwraps with any configured one', async () => {
    const before = EnvMasterKeyProvider.fromSettings({
      PRIVACY_MASTER_KEYS: `mk-1:${old}`,
      PRIVACY_MASTER_KEY_ID: 'mk-1',
    });
    const after = EnvMasterKeyProvider.fromSettings({
      PRIVACY_MASTER_KEYS: `mk-1:${old},mk-2:${current}`,
      PRIVACY_MASTER_KEY_ID: 'mk-2',
    });
    const dataKey = randomBytes(32);
    const wrappedBefore = await before.wrap(dataKey, 'key:customer');
    expect(wrappedBefore.masterKeyId).toBe('mk-1');
    expect(await after.unwrap(wrappedBefore, 'key:customer')).toEqual(dataKey);
    const wrappedAfter = await after.wrap(dataKey, 'key:customer');
    expect(wrappedAfter.masterKeyId).toBe('mk-2');
    await expect(before.unwrap(wrappedAfter, 'key:customer')).rejects.toMatchObject({
      code: PrivacyErrorCode.MasterKeyUnknown,
    });
  });

  it('refuses a wrapped key presented for another context or relabelled as another master key', async () => {
    const provider = new EnvMasterKeyProvider(parseMasterKeys(`a:${old},b:${old}`), 'a');
    const wrapped = await provider.wrap(randomBytes(32), 'key:customer-a');
    await expect(provider.unwrap(wrapped, 'key:customer-b')).rejects.toBeInstanceOf(PrivacyError);
    await expect(provider.unwrap({ ...wrapped, masterKeyId: 'b' }, 'key:customer-a')).rejects.toMatchObject({
      code: PrivacyErrorCode.CiphertextRejected,
    });
  });

  it.each([
    ['a short key', `mk-1:${randomBytes(16).toString('base64')}`, /32 bytes/],
    ['no id', `:${old}`, /32 bytes/],
    ['an id twice', `mk-1:${old},mk-1:${current}`, /twice/],
  ])('refuses %s', (_case, keys, message) => {
    expect(() => parseMasterKeys(keys)).toThrow(message);
  });

  it('refuses a current key id that is not configured', () => {
    expect(() =>
      EnvMasterKeyProvider.fromSettings({ PRIVACY_MASTER_KEYS: `mk-1:${old}`, PRIVACY_MASTER_KEY_ID: 'mk-2' }),
    ).toThrow('the current master key "mk-2" is not configured');
  });
});
