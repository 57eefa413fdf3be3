import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { serviceBed, type ServiceInstance } from '@nps/testing';
import { call, token } from './support/ops-api.client';

// Production verifies RS256 tokens against the identity provider's JWKS (AUTH_JWKS_URL), by kid.
describe('ops API with AUTH_JWKS_URL', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwt = new JwtService();
  let jwks: Server;
  let service: ServiceInstance;

  const rs256 = (key: typeof privateKey, kid: string, claims: object) =>
    jwt.sign(claims, {
      privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      algorithm: 'RS256',
      keyid: kid,
      issuer: 'https://idp.test',
      audience: 'nps-ops',
      expiresIn: 600,
    });

  beforeAll(async () => {
    const body = JSON.stringify({
      keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' }],
    });
    jwks = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    service = await bed.start({
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
      AUTH_ISSUER: 'https://idp.test',
      AUTH_AUDIENCE: 'nps-ops',
    });
  }, 120000);

  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  it('accepts a token signed with a key of the JWKS, with the expected issuer and audience', async () => {
    const token = rs256(privateKey, 'key-1', { sub: 'admin-1', roles: ['admin'], teams: [] });
    expect((await call(service.url, 'GET', '/teams', token)).status).toBe(200);
  });

  it('refuses the development HS256 token, another key under a known kid, an unknown kid and a wrong audience', async () => {
    const claims = { sub: 'admin-1', roles: ['admin'], teams: [] };
    expect((await call(service.url, 'GET', '/teams', token({ sub: 'admin-1', roles: ['admin'] }))).status).toBe(401);
    expect((await call(service.url, 'GET', '/teams', rs256(other.privateKey, 'key-1', claims))).status).toBe(401);
    expect((await call(service.url, 'GET', '/teams', rs256(privateKey, 'key-2', claims))).status).toBe(401);
    const wrongAudience = jwt.sign(claims, {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      algorithm: 'RS256',
      keyid: 'key-1',
      issuer: 'https://idp.test',
      audience: 'someone-else',
    });
    expect((await call(service.url, 'GET', '/teams', wrongAudience)).status).toBe(401);
  });
});
