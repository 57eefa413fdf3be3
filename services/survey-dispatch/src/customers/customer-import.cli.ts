import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const USAGE =
  'usage: cli.ts import-customers <file.csv|file.json> [--url http://127.0.0.1:3001] [--token <bearer token>]';
const VALUED = ['--url', '--token'];

/**
 * `cli.ts import-customers <file>`: sends a CSV or JSON file to a running survey-dispatch's
 * import API (so the import goes through the same validation, upsert and outbox) and prints
 * the report. Exit code 0: every row imported; 3: some rows rejected; 1: nothing imported.
 * The API wants a token with scope customers:write: `--token`, else NPS_TOKEN (docs/security.md).
 */
export async function importCustomersCli(argv: string[]): Promise<number> {
  const file = argv.find((arg, index) => !arg.startsWith('--') && !VALUED.includes(argv[index - 1]));
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const base = option('--url') ?? process.env.SURVEY_DISPATCH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3001}`;
  const token = option('--token') ?? process.env.NPS_TOKEN;
  if (!file || !base) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const contentType = extname(file).toLowerCase() === '.json' ? 'application/json' : 'text/csv';
  try {
    const response = await fetch(`${base.replace(/\/+$/, '')}/customers/import`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: await readFile(file),
    });
    const report = (await response.json()) as { rejected?: number };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!response.ok) return 1;
    return report.rejected ? 3 : 0;
  } catch (error) {
    process.stderr.write(`import-customers: ${(error as Error).message}\n`);
    return 1;
  }
}
