import { type IssuerClient, LocalIssuer } from './local-issuer';

/** A LocalIssuer several beds use together: started by the first that needs it, stopped after the last. */
export interface IssuerSource {
  acquire(): Promise<LocalIssuer>;
  release(): Promise<void>;
}

/**
 * One LocalIssuer for every bed of a test file that uses this source (the default source is one
 * per file: Jest gives each file its own module registry). `clients` are added to the seeded ones;
 * `env`, asked when the issuer starts, adds issuer settings (the ops console's URL).
 */
export function sharedLocalIssuer(
  clients: IssuerClient[] = [],
  env: () => Promise<Record<string, string>> = async () => ({}),
): IssuerSource {
  let users = 0;
  let issuer: Promise<LocalIssuer> | undefined;
  return {
    acquire() {
      users += 1;
      issuer ??= env().then((settings) => LocalIssuer.start(clients, settings));
      return issuer;
    },
    async release() {
      users -= 1;
      if (users > 0 || !issuer) return;
      const running = issuer;
      issuer = undefined;
      await (await running.catch(() => undefined))?.stop();
    },
  };
}

/** The issuer every bed of a test file shares unless its options name another. */
export const DEFAULT_ISSUER = sharedLocalIssuer();
