import { type IssuerClient, LocalIssuer } from '@nps/testing';

/** The local OIDC issuer of a describe block, and tokens of its clients (cached per client id). */
export interface OpsIssuer {
  /** What case-management needs to trust the issuer (OIDC_ISSUER). */
  readonly env: Record<string, string>;
  /** An access token of a seeded person (adam, alice, bert, lena …), one added for the test, or a machine. */
  token(clientId: string, scopes?: string[]): Promise<string>;
}

/**
 * Starts the real local issuer (deploy/local/oidc.js) in beforeAll with `people` beside the seeded
 * ones (deploy/local/oidc-seed.json) and stops it in afterAll. A person's id is their `sub`, so it
 * is also their member id in case-management.
 */
export function opsIssuer(people: IssuerClient[] = []): OpsIssuer {
  let issuer: LocalIssuer | undefined;
  const tokens = new Map<string, Promise<string>>();
  const started = (): LocalIssuer => {
    if (!issuer) throw new Error('the issuer starts in beforeAll');
    return issuer;
  };
  beforeAll(async () => {
    issuer = await LocalIssuer.start(people);
  }, 60000);
  afterAll(() => issuer?.stop());
  return {
    get env() {
      return started().env;
    },
    token(clientId, scopes = []) {
      const key = [clientId, ...scopes].join(' ');
      if (!tokens.has(key)) tokens.set(key, started().token(clientId, { scopes }));
      return tokens.get(key) as Promise<string>;
    },
  };
}

/** A person for LocalIssuer.start: roles and teams in every token they get. */
export const person = (id: string, roles: string[], teams: string[] = []): IssuerClient => ({ id, roles, teams });
