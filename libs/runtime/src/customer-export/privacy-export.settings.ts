/** The five services an access request asks, and the port `npm start` gives each (services/<name>/project.json). */
export const EXPORTING_SERVICES = {
  'survey-dispatch': { variable: 'SURVEY_DISPATCH_URL', port: 3001 },
  'response-ingestion': { variable: 'RESPONSE_INGESTION_URL', port: 3002 },
  scoring: { variable: 'SCORING_URL', port: 3003 },
  'root-cause-tagging': { variable: 'ROOT_CAUSE_TAGGING_URL', port: 3004 },
  'case-management': { variable: 'CASE_MANAGEMENT_URL', port: 3005 },
} as const;

export type ExportingService = keyof typeof EXPORTING_SERVICES;

export interface ExportSettings {
  /** Base URL of each service. */
  services: Record<ExportingService, string>;
  /** The OIDC issuer the token comes from, by client credentials. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A bearer token to use instead of asking the issuer for one. */
  token?: string;
  /** How long one service may take to answer. */
  timeoutMs: number;
}

/** Settings from the environment; every default is the local stack `npm start` runs. */
export function exportSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ExportSettings {
  const offset = Number(env.NPS_PORT_OFFSET ?? 0);
  const services = Object.fromEntries(
    Object.entries(EXPORTING_SERVICES).map(([name, { variable, port }]) => [
      name,
      env[variable] ?? `http://127.0.0.1:${port + offset}`,
    ]),
  ) as Record<ExportingService, string>;
  const clientId = env.PRIVACY_EXPORT_CLIENT_ID ?? 'privacy-exporter';
  return {
    services,
    issuer: env.OIDC_ISSUER ?? `http://127.0.0.1:${3010 + offset}`,
    clientId,
    clientSecret: env.PRIVACY_EXPORT_CLIENT_SECRET ?? `${clientId}-secret`,
    token: env.NPS_TOKEN || undefined,
    timeoutMs: Number(env.PRIVACY_EXPORT_TIMEOUT_MS ?? 120000),
  };
}
