import { scrubLogArguments, scrubText } from './log.scrubber';

describe('scrubText', () => {
  it.each([
    ['GET /s/v1.a8Zk_3-x.QmFzZTY0?score=9', 'GET /s/[redacted]?score=9'],
    ['http://127.0.0.1:3002/s/dev-1.eyJz.c2ln', 'http://127.0.0.1:3002/s/[redacted]'],
    [
      'POST /s/unsubscribe/dev-1.eyJzIjoic3ItMSIsImMiOiJjLTQyIn0.2Yx7QmFzZTY0U2lnbmF0dXJl',
      'POST /s/[redacted]/[token]',
    ],
    ['/unsubscribe?token=abc.def&lang=nl', '/unsubscribe?token=[redacted]&lang=nl'],
    ['/customers?email=anna%40example.nl&phone=%2B31612345678', '/customers?email=[redacted]&phone=[redacted]'],
    ['mail to anna.de.vries+nps@example.co.uk failed', 'mail to [email] failed'],
    ['SMS to +31 6 1234 5678 queued', 'SMS to [phone] queued'],
    ['sms from +447700900123', 'sms from [phone]'],
    ['authorization: Bearer abc.def-ghi', 'authorization: Bearer [redacted]'],
    ['link dev-1.eyJzIjoiMTIzNCIsImUiOjE3fQ.QmFzZTY0TWFjT2ZUaGVMaW5rQmFzZTY0 answered', 'link [token] answered'],
    ['token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl seen', 'token [jwt] seen'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubText(text)).toBe(scrubbed);
  });

  it.each([
    'imported 12345678 rows in 2026-12-02T01:02:03Z',
    'case 3f9c2a7e-1b2c-4d5e-8f90-123456789abc',
    'GET /nps?from=2026-01-01',
    'loaded services/scoring/src/main.ts',
    'Mapped {/s/:token, GET} route',
  ])('leaves %s alone', (text) => expect(scrubText(text)).toBe(text));
});

// Quadratic matching would take minutes on this line; linear takes well under a second.
it('scrubs a 200 kB line without an email in linear time', () => {
  const started = Date.now();
  scrubText('a'.repeat(200_000));
  expect(Date.now() - started).toBeLessThan(2000);
});

describe('scrubLogArguments', () => {
  it('scrubs messages, top-level fields and errors without changing the originals', () => {
    const error = new Error('no mailbox anna@example.nl');
    const [fields, message] = scrubLogArguments([
      { to: '+31612345678', err: error, count: 3 },
      'sent to anna@example.nl',
    ]);
    expect(fields).toMatchObject({ to: '[phone]', count: 3, err: { message: 'no mailbox [email]' } });
    expect(message).toBe('sent to [email]');
    expect(error.message).toBe('no mailbox anna@example.nl');
  });
});
