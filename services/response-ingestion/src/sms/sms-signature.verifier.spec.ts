import { smsSignature, smsSignatureValid } from './sms-signature.verifier';

describe('smsSignatureValid', () => {
  const secret = 'a-shared-secret-of-the-gateway';
  const body = Buffer.from('{"messageRef":"t","text":"9 great"}');

  it('accepts the HMAC-SHA256 of the raw body, upper- or lower-case hex', () => {
    const header = smsSignature(secret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(smsSignatureValid(secret, body, header)).toBe(true);
    expect(smsSignatureValid(secret, body, `sha256=${header.slice(7).toUpperCase()}`)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', `sha1=${'0'.repeat(40)}`],
    ['a short digest', 'sha256=abcd'],
    ['a digest of other bytes', smsSignature(secret, `${body.toString()} `)],
    ['another secret', smsSignature('another-secret', body)],
    ['several headers', [smsSignature(secret, body)]],
  ])('refuses %s', (_label, header) => {
    expect(smsSignatureValid(secret, body, header)).toBe(false);
  });

  it('refuses a request whose body was not kept as bytes', () => {
    expect(smsSignatureValid(secret, undefined, smsSignature(secret, ''))).toBe(false);
  });
});
