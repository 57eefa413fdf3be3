import { expectEventually, freePort, ServiceProcess } from '@nps/testing';

// Issue 13, item 7: a request carrying a bearer token and a survey link leaves no token, email
// or phone number in the log output.
describe('log redaction through a real HTTP server', () => {
  const bearer = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInJvbGVzIjpbImFnZW50Il19.c2lnbmF0dXJlLW9mLWFsaWNl';
  const surveyToken = 'dev-1.bm90LWEtcmVhbC1jbGFpbS1zZXQ.U2lnbmF0dXJlT2ZUaGVMaW5r';
  const email = 'anna.de.vries@example.nl';
  const phone = '+31612345678';
  const cookie = 'session=s%3Acookie-value-that-must-not-leak';
  let app: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    app = ServiceProcess.start({
      entry: 'libs/observability/test/logged.app.ts',
      env: { PORT: String(port), LOG_LEVEL: 'info' },
    });
    url = `http://127.0.0.1:${port}`;
    await app.waitForOutput('Nest application successfully started');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('writes the request, the messages and the error without any of the secrets', async () => {
    const query = `email=${encodeURIComponent(email)}&phone=${encodeURIComponent(phone)}&token=${surveyToken}`;
    const headers = { authorization: `Bearer ${bearer}`, cookie };
    expect((await fetch(`${url}/s/${surveyToken}?score=9&${query}`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/fail?email=${encodeURIComponent(email)}`, { headers })).status).toBe(500);

    await expectEventually(() => expect(app.output.match(/request (completed|errored)/g)?.length).toBe(2));
    const output = app.output;
    for (const secret of [
      bearer,
      surveyToken,
      email,
      encodeURIComponent(email),
      phone,
      encodeURIComponent(phone),
      cookie,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain('cookie-value');
    // What stands in their place, so the test would notice a line that was not written at all.
    expect(output).toContain('"authorization":"[redacted]"');
    expect(output).toContain('"cookie":"[redacted]"');
    expect(output).toContain('/s/[redacted]?score=9&email=[redacted]&phone=[redacted]&token=[redacted]');
    expect(output).toContain('answer for [email] ([phone]) on link');
    expect(output).toContain('"customer":"[email]"');
    expect(output).toContain('cannot reach [email]');
  });
});
