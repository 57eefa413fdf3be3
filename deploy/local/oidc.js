// Local OIDC issuer for `npm start` and the tests: the certified `oidc-provider` package (not a
// fake) on 127.0.0.1 (OIDC_PORT, default 3010), issuing JWT access tokens through the OAuth2
// client-credentials grant. Machines get one client per scope set; each seeded person gets a
// client of their own whose tokens carry their roles and teams (docs/adr/0016-authentication.md).
// People also sign in to the ops console (public client `ops-console`, Authorization Code + PKCE)
// on a login page that takes a seeded person's id and no password (docs/adr/0042-ops-console.md).
// Not for production: every secret below is public, anyone may sign in as anyone, and the signing
// keys live on this machine.
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { consoleClient, loginInteractions, preGrantedConsole } = require('./oidc-login');

/** Every scope a machine client may hold (issue 13). */
const MACHINE_SCOPES = [
  'responses:write',
  'customers:write',
  'surveys:send',
  'imports:write',
  'taxonomy:admin',
  'nps:read',
  'privacy:export',
  'privacy:erase',
];
/** Resource indicators the issuer mints tokens for; the `aud` of a token is the one asked for. */
const RESOURCE_PREFIX = 'urn:nps:';

function settingsFromEnv(env = process.env) {
  const port = Number(env.OIDC_PORT ?? 3010);
  const host = env.OIDC_HOST ?? '127.0.0.1';
  return {
    port,
    host,
    issuer: env.OIDC_ISSUER ?? `http://${host}:${port}`,
    audience: env.OIDC_AUDIENCE ?? 'urn:nps:api',
    rolesClaim: env.OIDC_ROLES_CLAIM ?? 'roles',
    teamsClaim: env.OIDC_TEAMS_CLAIM ?? 'teams',
    accessTokenTtlSeconds: Number(env.OIDC_ACCESS_TOKEN_TTL_SECONDS ?? 3600),
    jwksFile: env.OIDC_JWKS_FILE,
    /** Origins of the ops console (comma-separated): its redirect and post-logout URIs and CORS. */
    consoleUrls: (env.OPS_CONSOLE_URL ?? 'http://127.0.0.1:3000')
      .split(',')
      .map((url) => url.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    seed: mergeSeeds(
      readSeed(env.OIDC_SEED_FILE ?? join(__dirname, 'oidc-seed.json')),
      JSON.parse(env.OIDC_EXTRA_CLIENTS ?? '{}'),
    ),
  };
}

function readSeed(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function mergeSeeds(seed, extra) {
  return {
    people: [...(seed.people ?? []), ...(extra.people ?? [])],
    machines: [...(seed.machines ?? []), ...(extra.machines ?? [])],
  };
}

/** The development secret of a seeded client: its id + `-secret`, unless the seed names one. */
function secretOf(entry) {
  return entry.secret ?? `${entry.id}-secret`;
}

function clientOf(entry, scopes) {
  return {
    client_id: entry.id,
    client_secret: secretOf(entry),
    client_name: entry.name ?? entry.id,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
  };
}

/** Signing keys: ES256 and RS256, kept in `file` when given so tokens outlive a restart. */
function signingKeys(file) {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const stamp = Date.now().toString(36);
  const jwks = {
    keys: [
      { ...ec, kid: `es256-${stamp}`, alg: 'ES256', use: 'sig' },
      { ...rsa, kid: `rs256-${stamp}`, alg: 'RS256', use: 'sig' },
    ],
  };
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwks), { mode: 0o600 });
  }
  return jwks;
}

function providerConfiguration(settings, errors) {
  const people = new Map(settings.seed.people.map((person) => [person.id, person]));
  const byId = new Map([...settings.seed.people, ...settings.seed.machines].map((entry) => [entry.id, entry]));
  return {
    clients: [
      ...settings.seed.people.map((person) => clientOf(person, [])),
      ...settings.seed.machines.map((m) => clientOf(m, m.scopes)),
      consoleClient(settings.consoleUrls),
    ],
    scopes: ['openid', 'profile', 'offline_access', ...MACHINE_SCOPES],
    claims: { openid: ['sub'], profile: ['name'] },
    // A person signing in is a seeded person; `sub` is their id, the member id case-management knows.
    findAccount: async (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: person.name ?? id }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The console is first-party: no consent screen, openid profile and the API are granted at sign-in.
    loadExistingGrant: preGrantedConsole(settings.audience),
    // The console renews its session with a rotating refresh token, not a hidden iframe.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === 'ops-console' && settings.consoleUrls.some((url) => new URL(url).origin === origin),
    jwks: signingKeys(settings.jwksFile),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? settings.accessTokenTtlSeconds,
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? settings.accessTokenTtlSeconds,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => settings.audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (!resource.startsWith(RESOURCE_PREFIX))
            throw new errors.InvalidTarget(`resources start with ${RESOURCE_PREFIX}`);
          const entry = byId.get(client.clientId) ?? {};
          return {
            scope: MACHINE_SCOPES.join(' '),
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: entry.accessTokenTtlSeconds ?? settings.accessTokenTtlSeconds,
            jwt: { sign: { alg: entry.alg ?? 'ES256' } },
          };
        },
      },
    },
    // A person's client carries the person's roles and teams into every token it gets; so does a
    // token a signed-in person got through the console (its accountId is the person's id).
    extraTokenClaims: async (_ctx, token) => {
      const person = people.get(token.clientId) ?? (token.accountId ? people.get(token.accountId) : undefined);
      if (!person) return undefined;
      return {
        [settings.rolesClaim]: person.roles,
        [settings.teamsClaim]: person.teams ?? [],
        name: person.name ?? person.id,
      };
    },
  };
}

/** Starts the issuer; resolves with its URL and a `close()` once it listens. */
async function startIssuer(settings = settingsFromEnv()) {
  const { default: Provider, errors } = require('oidc-provider');
  const provider = new Provider(settings.issuer, providerConfiguration(settings, errors));
  provider.use(loginInteractions(provider, new Map(settings.seed.people.map((person) => [person.id, person]))));
  const server = provider.listen(settings.port, settings.host);
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return { issuer: settings.issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { MACHINE_SCOPES, settingsFromEnv, startIssuer, secretOf };

if (require.main === module) {
  startIssuer()
    .then(({ issuer, close }) => {
      process.stdout.write(
        `local OIDC issuer listening on ${issuer} (discovery: ${issuer}/.well-known/openid-configuration)\n`,
      );
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
    })
    .catch((error) => {
      process.stderr.write(`local OIDC issuer failed to start: ${error.message}\n`);
      process.exit(1);
    });
}
