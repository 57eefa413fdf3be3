import { freePort, LocalIssuer, ServiceProcess, signInByCodeFlow } from '@nps/testing';

const CONSOLE = 'http://127.0.0.1:3999'; // nothing listens there: the flow stops at the redirect

// Issue #17: people sign in to the ops console at the local issuer (Authorization Code + PKCE,
// public client `ops-console`, docs/adr/0042-ops-console.md). The access token they get is
// verified by libs/auth like any other and carries the person's roles and teams.
describe('signing in to the ops console at the real local issuer', () => {
  let issuer: LocalIssuer;
  let app: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    issuer = await LocalIssuer.start([], { OPS_CONSOLE_URL: CONSOLE });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    app = ServiceProcess.start({
      entry: 'libs/auth/test/guarded.app.ts',
      env: { PORT: String(port), OIDC_ISSUER: issuer.url },
    });
    await app.waitForHttp(`${url}/open`);
  });

  afterAll(async () => {
    await app?.stop();
    await issuer?.stop();
  });

  it("gives alice a JWT for urn:nps:api that the guard accepts, with alice's roles and teams", async () => {
    const signedIn = await signInByCodeFlow(issuer.url, 'alice', { redirectUri: `${CONSOLE}/callback` });
    const accessToken = signedIn.tokens?.access_token ?? '';
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      sub: 'alice',
      aud: 'urn:nps:api',
      client_id: 'ops-console',
      roles: ['agent'],
      teams: ['customer-care'],
      name: 'Alice (agent)',
    });
    // The page calls the token endpoint from the console's origin: CORS allows it.
    expect(signedIn.tokenCorsOrigin).toBe(CONSOLE);
    expect(signedIn.tokens?.refresh_token).toEqual(expect.any(String));

    const me = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ subject: 'alice', roles: ['agent'], teams: ['customer-care'] });
    const cases = await fetch(`${url}/cases`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(cases.status).toBe(200); // agents work cases
    const nps = await fetch(`${url}/nps`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(nps.status).toBe(403); // the analysts' route: roles are alice's, not the console's
  });

  it('refuses an id that is no seeded person, on the login page, with a message', async () => {
    const refused = await signInByCodeFlow(issuer.url, 'mallory', { redirectUri: `${CONSOLE}/callback` });
    expect(refused.loginStatus).toBe(401);
    expect(refused.tokens).toBeUndefined();
    expect(refused.loginPage).toContain('role="alert"');
    expect(refused.loginPage).toContain('is no seeded person');
  });

  it('refuses a redirect URI that is not the console', async () => {
    await expect(
      signInByCodeFlow(issuer.url, 'alice', { redirectUri: 'http://127.0.0.1:4999/callback' }),
    ).rejects.toThrow();
  });

  it('still hands people their tokens by client credentials, as before', async () => {
    const token = await issuer.token('lena');
    const me = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ subject: 'lena', roles: ['lead'], teams: ['customer-care'] });
  });
});
