import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../free-port';
import { ServiceProcess } from '../service.process';

const ENTRY = 'deploy/local/oidc.js';
const SEED_FILE = resolve(__dirname, '../../../../deploy/local/oidc-seed.json');
/** A client added to the seeded ones (deploy/local/oidc-seed.json) for one test run. */
export interface IssuerClient {
  id: string;
  roles?: string[];
  teams?: string[];
  scopes?: string[];
  accessTokenTtlSeconds?: number;
  alg?: 'ES256' | 'RS256';
}

export interface TokenRequest {
  scopes?: string[];
  /** Resource indicator, becomes the token's `aud`; the issuer's default is `urn:nps:api`. */
  resource?: string;
  secret?: string;
}

/**
 * The real local OIDC issuer (deploy/local/oidc.js, oidc-provider) in a process of its own on a
 * free port, and tokens from it by client credentials: `await issuer.token('alice')` for a seeded
 * person, `await issuer.token('nps-reader', { scopes: ['nps:read'] })` for a machine.
 */
export class LocalIssuer {
  private constructor(
    private readonly child: ServiceProcess,
    readonly url: string,
    private readonly clients: IssuerClient[],
  ) {}

  /**
   * Starts an issuer; `clients` are added to the seeded people (with roles) and machines (with scopes).
   * `env` adds settings of deploy/local/oidc.js, e.g. `OPS_CONSOLE_URL` for a console on a free port.
   */
  static async start(clients: IssuerClient[] = [], env: Record<string, string> = {}): Promise<LocalIssuer> {
    const port = await freePort();
    const extra = { people: clients.filter((c) => c.roles), machines: clients.filter((c) => !c.roles) };
    const child = ServiceProcess.start({
      entry: ENTRY,
      env: {
        OIDC_PORT: String(port),
        OIDC_HOST: '127.0.0.1',
        OIDC_EXTRA_CLIENTS: JSON.stringify(extra),
        OIDC_SEED_FILE: SEED_FILE,
        ...env,
      },
    });
    const issuer = new LocalIssuer(child, `http://127.0.0.1:${port}`, clients);
    await child.waitForHttp(`${issuer.url}/.well-known/openid-configuration`);
    return issuer;
  }

  /** Variables a service needs to trust this issuer. */
  get env(): Record<string, string> {
    return { OIDC_ISSUER: this.url };
  }

  /** An access token (JWT) for a client; throws with the issuer's error when it refuses. */
  async token(clientId: string, request: TokenRequest = {}): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (request.scopes?.length) body.set('scope', request.scopes.join(' '));
    if (request.resource) body.set('resource', request.resource);
    const credentials = Buffer.from(`${clientId}:${request.secret ?? `${clientId}-secret`}`).toString('base64');
    const response = await fetch(`${this.url}/token`, {
      method: 'POST',
      body,
      headers: { authorization: `Basic ${credentials}` },
    });
    const answer = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
    if (!response.ok || !answer.access_token) {
      throw new Error(`the issuer refused a token for ${clientId}: ${answer.error} ${answer.error_description ?? ''}`);
    }
    return answer.access_token;
  }

  /**
   * A machine client's token holding `scopes`, by default every scope the seed (or `start`'s
   * clients) gives it: the issuer grants none unless asked.
   */
  async clientToken(clientId: string, scopes?: string[]): Promise<string> {
    return this.token(clientId, { scopes: scopes ?? this.seededScopes(clientId) });
  }

  private seededScopes(clientId: string): string[] {
    const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { machines: IssuerClient[] };
    const machine = [...seed.machines, ...this.clients].find((client) => client.id === clientId);
    if (!machine) throw new Error(`${clientId} is no machine client of the local issuer`);
    return machine.scopes ?? [];
  }

  async stop(): Promise<void> {
    await this.child.stop();
  }
}
