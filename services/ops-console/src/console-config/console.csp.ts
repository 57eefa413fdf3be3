import type { OpsConsoleEnv } from '../ops-console.env';

/**
 * The page may call its own origin (the API proxies, config.json) and the issuer (discovery, token,
 * keys); nothing else, so a token cannot be sent to a third origin. Scripts and styles come from the
 * console itself; Mantine and Recharts set inline style attributes, which helmet's default allows.
 */
export function consoleCsp(env: OpsConsoleEnv): Record<string, string[]> {
  return {
    'connect-src': ["'self'", new URL(env.OIDC_ISSUER).origin],
    'form-action': ["'self'", new URL(env.OIDC_ISSUER).origin],
  };
}
