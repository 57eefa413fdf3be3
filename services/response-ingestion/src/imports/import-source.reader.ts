import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRow } from './import-row.parser';

/** A row of an import file with its line number, or why the line could not be read at all. */
export type SourceRow = { line: number; row: RawRow } | { line: number; unreadable: string };

/** Rows of a CSV file with a header line; a record the CSV parser cannot read is reported, not fatal. */
export async function* csvRows(input: Readable): AsyncGenerator<SourceRow> {
  const skipped: SourceRow[] = [];
  const parser = input.pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: Error & { lines?: number }) =>
    skipped.push({ line: error.lines ?? 0, unreadable: error.message }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: RawRow; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield { line: info.lines, row: record };
  }
  yield* skipped.splice(0);
}

/** Rows of a JSON Lines file (one object per line). */
export async function* jsonLines(input: Readable): AsyncGenerator<SourceRow> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    yield parseJsonRow(text, line);
  }
}

/** Rows of an already parsed JSON array; the "line" is the 1-based position in the array. */
export async function* jsonArray(rows: unknown[]): AsyncGenerator<SourceRow> {
  for (const [index, row] of rows.entries())
    yield isObject(row) ? { line: index + 1, row } : { line: index + 1, unreadable: 'is not a JSON object' };
}

function parseJsonRow(text: string, line: number): SourceRow {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { line, row: value } : { line, unreadable: 'is not a JSON object' };
  } catch (error) {
    return { line, unreadable: `is not valid JSON (${(error as Error).message})` };
  }
}

function isObject(value: unknown): value is RawRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
