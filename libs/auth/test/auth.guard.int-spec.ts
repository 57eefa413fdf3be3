import { expectEventually, freePort, LocalIssuer, ServiceProcess } from '@nps/testing';

const ENTRY = 'libs/auth/test/guarded.app.ts';

async function startApp(issuerUrl: string): Promise<{ app: ServiceProcess; url: string }> {
  const port = await freePort();
  const app = ServiceProcess.start({ entry: ENTRY, env: { PORT: String(port), OIDC_ISSUER: issuerUrl } });
  const url = `http://127.0.0.1:${port}`;
  await app.waitForHttp(`${url}/open`);
  return { app, url };
}

describe('AuthGuard against the real local OIDC issuer', () => {
  let issuer: LocalIssuer;
  let app: ServiceProcess;
  let url: string;
  const tokens = new Map<string, string>();

  const call = async (method: string, path: string, token?: string) =>
    fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const tokenOf = (client: string): string => {
    if (client !== 'anonymous' && !tokens.has(client)) throw new Error(`no token for ${client}`);
    return tokens.get(client) ?? '';
  };

  beforeAll(async () => {
    issuer = await LocalIssuer.start([
      { id: 'expiring-agent', roles: ['agent'], teams: ['customer-care'], accessTokenTtlSeconds: 3 },
      { id: 'rsa-agent', roles: ['agent'], teams: ['billing'], alg: 'RS256' },
    ]);
    ({ app, url } = await startApp(issuer.url));
    for (const person of ['alice', 'lena', 'adam', 'nina', 'rsa-agent']) tokens.set(person, await issuer.token(person));
    tokens.set('nps-reader', await issuer.token('nps-reader', { scopes: ['nps:read'] }));
    tokens.set('responses-writer', await issuer.token('responses-writer', { scopes: ['responses:write'] }));
    tokens.set('crm-sync', await issuer.token('crm-sync', { scopes: ['customers:write', 'surveys:send'] }));
  });

  afterAll(async () => {
    await app?.stop();
    await issuer?.stop();
  });

  it.each([
    ['GET', '/open', 'anonymous', 200],
    ['GET', '/admin/status', 'anonymous', 200],
    ['GET', '/me', 'anonymous', 401],
    ['GET', '/me', 'alice', 200],
    ['GET', '/me', 'crm-sync', 200],
    ['GET', '/cases', 'anonymous', 401],
    ['GET', '/cases', 'alice', 200],
    ['GET', '/cases', 'lena', 200],
    ['GET', '/cases', 'rsa-agent', 200],
    ['GET', '/cases', 'adam', 403],
    ['GET', '/cases', 'nina', 403],
    ['GET', '/cases', 'nps-reader', 403],
    ['GET', '/nps', 'nina', 200],
    ['GET', '/nps', 'adam', 200],
    ['GET', '/nps', 'nps-reader', 200],
    ['GET', '/nps', 'alice', 403],
    ['GET', '/nps', 'responses-writer', 403],
    ['POST', '/responses', 'responses-writer', 201],
    ['POST', '/responses', 'crm-sync', 403],
    ['POST', '/responses', 'alice', 403],
    ['GET', '/admin/teams', 'adam', 200],
    ['GET', '/admin/teams', 'lena', 403],
    ['GET', '/admin/teams', 'anonymous', 401],
    ['GET', '/admin/report', 'nps-reader', 200],
    ['GET', '/admin/report', 'adam', 403],
    ['GET', '/undecided', 'adam', 403],
    ['GET', '/undecided', 'anonymous', 401],
  ])('%s %s as %s → %i', async (method, path, client, status) => {
    const response = await call(method, path, tokenOf(client));
    expect(response.status).toBe(status);
  });

  it("hands the route the person's roles and teams, and a machine's scopes", async () => {
    expect(await (await call('GET', '/me', tokenOf('alice'))).json()).toEqual({
      subject: 'alice',
      clientId: 'alice',
      roles: ['agent'],
      teams: ['customer-care'],
      scopes: [],
    });
    expect(await (await call('GET', '/me', tokenOf('crm-sync'))).json()).toMatchObject({
      subject: 'crm-sync',
      roles: [],
      scopes: ['customers:write', 'surveys:send'],
    });
  });

  it('asks for a bearer token on 401', async () => {
    expect((await call('GET', '/me')).headers.get('www-authenticate')).toBe('Bearer');
    expect((await call('GET', '/me', 'not-a-jwt')).headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token"',
    );
  });

  it('refuses a token whose claims were changed (roles raised to admin)', async () => {
    const [header, payload, signature] = tokenOf('alice').split('.');
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] };
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect((await call('GET', '/admin/teams', forged)).status).toBe(401);
  });

  it('refuses a token with a changed signature, and an unsigned one', async () => {
    const [header, payload, signature] = tokenOf('adam').split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect((await call('GET', '/me', [header, payload, flipped].join('.'))).status).toBe(401);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await call('GET', '/me', `${none}.${payload}.`)).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const elsewhere = await issuer.token('adam', { resource: 'urn:nps:elsewhere' });
    expect((await call('GET', '/me', elsewhere)).status).toBe(401);
  });

  it('refuses a token once it has expired', async () => {
    const expiring = await issuer.token('expiring-agent');
    expect((await call('GET', '/cases', expiring)).status).toBe(200);
    await expectEventually(async () => expect((await call('GET', '/cases', expiring)).status).toBe(401), {
      timeoutMs: 15000,
    });
  });

  it('refuses a token of another issuer', async () => {
    const other = await LocalIssuer.start();
    try {
      expect((await call('GET', '/me', await other.token('adam'))).status).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('answers 503, not 401, while the issuer cannot be reached, and keeps public routes open', async () => {
    const unreachable = await startApp(`http://127.0.0.1:${await freePort()}`);
    try {
      const response = await fetch(`${unreachable.url}/me`, {
        headers: { authorization: `Bearer ${tokenOf('adam')}` },
      });
      expect(response.status).toBe(503);
      expect((await fetch(`${unreachable.url}/open`)).status).toBe(200);
    } finally {
      await unreachable.app.stop();
    }
  });
});
