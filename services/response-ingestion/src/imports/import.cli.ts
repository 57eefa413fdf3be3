import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const USAGE =
  'usage: cli.js import-responses <file.csv|file.jsonl|file.ndjson|file.json> [--import-id <id>] [--url ' +
  '<response-ingestion base URL>] [--token <bearer token>] [--follow-up]';

/**
 * `cli.js import-responses <file>`: streams the file to a running response-ingestion's
 * `POST /imports` and prints its report. The import id defaults to a hash of the file, so running
 * the same command again after a crash publishes nothing twice. The API wants a token with scope
 * imports:write: `--token`, else NPS_TOKEN (docs/security.md). `--follow-up` asks for the answers to be
 * followed up like fresh ones (`followUp=true`); without it the case-opening policy opens no case for them.
 */
export async function runImportCli(argv: string[]): Promise<void> {
  const [file, ...options] = argv;
  const option = (name: string) => {
    const index = options.indexOf(name);
    return index >= 0 ? options[index + 1] : undefined;
  };
  if (!file || file.startsWith('--')) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const importId = option('--import-id') ?? `file-${await fileHash(file)}`;
  const url = option('--url') ?? `http://127.0.0.1:${process.env.PORT || 3002}`;
  const token = option('--token') ?? process.env.NPS_TOKEN;
  const followUp = options.includes('--follow-up') ? '&followUp=true' : '';
  const { headers, body } = await bodyOf(file);
  const query = `importId=${encodeURIComponent(importId)}${followUp}`;
  const response = await fetch(`${url.replace(/\/+$/, '')}/imports?${query}`, {
    method: 'POST',
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    duplex: 'half',
  } as RequestInit);
  const answer = await response.text();
  process.stdout.write(`${answer}\n`);
  if (!response.ok) process.exitCode = 1;
}

async function bodyOf(
  file: string,
): Promise<{ headers: Record<string, string>; body: NonNullable<RequestInit['body']> }> {
  if (/\.csv$/i.test(file))
    return { headers: { 'content-type': 'text/csv' }, body: Readable.toWeb(createReadStream(file)) as ReadableStream };
  if (/\.(jsonl|ndjson)$/i.test(file))
    return {
      headers: { 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    };
  if (/\.json$/i.test(file)) {
    // A JSON array is turned into JSON Lines here, so the service can stream it whatever its size.
    const rows: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(rows)) throw new Error(`${file}: a .json import must hold an array of objects`);
    return {
      headers: { 'content-type': 'application/x-ndjson' },
      body: rows.map((row) => JSON.stringify(row)).join('\n'),
    };
  }
  throw new Error(`${file}: use .csv, .jsonl/.ndjson or .json`);
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}
