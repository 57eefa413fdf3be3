/** What the console's server tells the app at boot (`GET /config.json`). */
export interface ConsoleConfig {
  /** OIDC issuer URL, the same one the services trust. */
  issuer: string;
  /** This app's public client id at the issuer. */
  clientId: string;
  /** Resource indicator asked for, so the access token's `aud` is the services' audience. */
  audience: string;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
