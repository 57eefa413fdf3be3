import { EXPORTING_SERVICES, type ExportingService, type ExportSettings } from './privacy-export.settings';

/** One service's answer to `GET /customers/:customerId/export`. */
export interface ServiceExport {
  service: string;
  customerId: string;
  exportedAt: string;
  data: Record<string, Record<string, unknown>[]>;
}

/** The whole access-request export: what every service holds about one customer. */
export interface CustomerExportDocument {
  customerId: string;
  exportedAt: string;
  services: Record<ExportingService, ServiceExport>;
}

/** Services that did not answer an export; a partial export is not an export. */
export class ExportIncompleteError extends Error {
  constructor(readonly failures: { service: ExportingService; reason: string }[]) {
    super(
      `the export is incomplete, no document written: ${failures.map((f) => `${f.service}: ${f.reason}`).join('; ')}`,
    );
  }
}

/** A client-credentials token with `scope` (privacy:export by default) from the OIDC issuer. */
export async function exportToken(settings: ExportSettings, scope = 'privacy:export'): Promise<string> {
  if (settings.token) return settings.token;
  const credentials = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');
  const issuer = settings.issuer.replace(/\/+$/, '');
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }),
    headers: { authorization: `Basic ${credentials}` },
  }).catch((error: Error) => {
    throw new Error(`the OIDC issuer at ${issuer} does not answer: ${error.message}`);
  });
  const answer = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !answer.access_token) {
    throw new Error(`the OIDC issuer refused a token for ${settings.clientId}: ${answer.error ?? response.status}`);
  }
  return answer.access_token;
}

async function exportOf(
  service: ExportingService,
  customerId: string,
  token: string,
  settings: ExportSettings,
): Promise<ServiceExport> {
  const url = `${settings.services[service].replace(/\/+$/, '')}/customers/${encodeURIComponent(customerId)}/export`;
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(settings.timeoutMs),
  }).catch((error: Error) => {
    throw new Error(`no answer from ${url}: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as ServiceExport;
  if (body.service !== service || body.customerId !== customerId || typeof body.data !== 'object') {
    throw new Error(`${url} answered something other than ${service}'s export of ${customerId}`);
  }
  return body;
}

/**
 * Asks all five services at once for what they hold about `customerId` and puts their answers in
 * one document; throws ExportIncompleteError naming every service that did not answer.
 */
export async function gatherCustomerExport(
  customerId: string,
  settings: ExportSettings,
): Promise<CustomerExportDocument> {
  const token = await exportToken(settings);
  const names = Object.keys(EXPORTING_SERVICES) as ExportingService[];
  const answers = await Promise.allSettled(names.map((name) => exportOf(name, customerId, token, settings)));
  const failures = answers.flatMap((answer, i) =>
    answer.status === 'rejected' ? [{ service: names[i], reason: (answer.reason as Error).message }] : [],
  );
  if (failures.length) throw new ExportIncompleteError(failures);
  const services = Object.fromEntries(
    answers.map((answer, i) => [names[i], (answer as PromiseFulfilledResult<ServiceExport>).value]),
  ) as Record<ExportingService, ServiceExport>;
  return { customerId, exportedAt: new Date().toISOString(), services };
}
