// `npm run privacy:erase -- <customerId>`: erases a customer everywhere (right to erasure,
// docs/privacy.md "Erasure"): survey-dispatch deletes the data key and the contact, and every service
// blanks its copy. Exit 0: erased (again); 1: refused or not reachable; 2: usage.
import { exportSettingsFromEnv } from './privacy-export.settings';
import { exportToken } from './privacy-export.gather';

const USAGE = 'usage: npm run privacy:erase -- <customerId>';

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [customerId, ...rest] = argv;
  if (!customerId || rest.length > 0 || customerId.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const clientId = env.PRIVACY_ERASE_CLIENT_ID ?? 'privacy-eraser';
  const settings = {
    ...exportSettingsFromEnv(env),
    clientId,
    clientSecret: env.PRIVACY_ERASE_CLIENT_SECRET ?? `${clientId}-secret`,
  };
  try {
    const token = await exportToken(settings, 'privacy:erase');
    const base = settings.services['survey-dispatch'].replace(/\/+$/, '');
    const url = `${base}/customers/${encodeURIComponent(customerId)}/erase`;
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body}`);
    process.stdout.write(`${body}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`privacy:erase: ${(error as Error).message}\n`);
    return 1;
  }
}

void main(process.argv.slice(2), process.env).then((code) => (process.exitCode = code));
