import { expectEventually } from './expect-eventually';
import { ServiceProcess } from './service.process';

/** Non-development values for every variable a service refuses to run with in production. */
export const PRODUCTION_ENV: Record<string, string> = {
  NPS_ENV: 'production',
  DATABASE_URL: 'postgres://nps:a-password-from-the-vault@127.0.0.1:5432/nps',
  OIDC_ISSUER: 'https://login.example.com/realms/nps',
  SURVEY_LINK_KEYS: 'prod-1:a-survey-link-secret-from-the-vault',
  SMS_WEBHOOK_SECRET: 'an-sms-webhook-secret-from-the-vault',
  PRIVACY_MASTER_KEYS: `prod-1:${Buffer.alloc(32, 'a-master-key-from-the-vault').toString('base64')}`,
  PRIVACY_MASTER_KEY_ID: 'prod-1',
  NOTIFY_WEBHOOK_SECRET: `whsec_${Buffer.from('a-webhook-secret-from-the-vault').toString('base64')}`,
};

/**
 * Starts a service's main (`services/<name>/src/main.ts`) with PRODUCTION_ENV plus `env` and
 * resolves with its exit code and output once it has exited (within `timeoutMs`).
 */
export async function startInProduction(
  service: string,
  env: Record<string, string>,
  timeoutMs = 60000,
): Promise<{ code: number | null; output: string }> {
  const child = ServiceProcess.start({ entry: `services/${service}/src/main.ts`, env: { ...PRODUCTION_ENV, ...env } });
  try {
    await expectEventually(() => expect(child.running).toBe(false), { timeoutMs, intervalMs: 100 });
  } finally {
    // Still running means it accepted the development value: stop it, the assertion has failed.
    if (child.running) await child.stop('SIGKILL');
  }
  const { code } = await child.stop();
  return { code, output: child.output };
}
