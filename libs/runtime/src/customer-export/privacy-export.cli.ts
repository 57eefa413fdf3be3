// `npm run privacy:export -- <customerId> [--out file.json]`: everything the five services hold about
// one customer, for an access request (docs/privacy.md). Exit 0: written; 1: a service did not
// answer (nothing written: a partial export is not an export); 2: usage.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gatherCustomerExport } from './privacy-export.gather';
import { exportSettingsFromEnv } from './privacy-export.settings';

const USAGE = 'usage: npm run privacy:export -- <customerId> [--out file.json]';

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`privacy:export: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [customerId] = parsed.positionals;
  if (!customerId || parsed.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const document = await gatherCustomerExport(customerId, exportSettingsFromEnv());
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (!parsed.values.out) {
      process.stdout.write(json);
      return 0;
    }
    await writeFile(parsed.values.out, json, { mode: 0o600 }); // personal data: readable by its owner only
    const kinds = Object.values(document.services).reduce((n, s) => n + Object.keys(s.data).length, 0);
    process.stderr.write(
      `privacy:export: ${customerId}: 5 services, ${kinds} kinds, written to ${parsed.values.out}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`privacy:export: ${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: { out: { type: 'string' } }, allowPositionals: true });
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
