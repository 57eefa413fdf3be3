import { parse } from 'csv-parse/sync';
import type { RawCustomerRow, RowProblem } from './customer-row';

const ATTRIBUTE_COLUMN = /^attr[._]/;

export class CustomerFileError extends Error {
  constructor(readonly problem: RowProblem) {
    super(`line ${problem.line}: ${problem.field}: ${problem.reason}`);
  }
}

/**
 * Reads customer rows from CSV: a header row (snake_case or camelCase columns; `attr.<name>`
 * columns become custom attributes), then one customer per row. A file that cannot be read at
 * all throws CustomerFileError; row-level problems are left to validation.
 */
export function readCsvRows(body: string): RawCustomerRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new CustomerFileError({ line, field: 'file', reason: `not readable as CSV: ${(error as Error).message}` });
  }
  const [header, ...rows] = records;
  if (!header)
    throw new CustomerFileError({
      line: 1,
      field: 'file',
      reason: 'is empty: expected a header row and customer rows',
    });
  const columns = header.record.map(columnName);
  if (!columns.includes('customerId'))
    throw new CustomerFileError({
      line: header.info.lines,
      field: 'file',
      reason: 'the header has no customer_id column',
    });
  return rows.map(({ record, info }) => {
    if (record.length !== columns.length)
      return { line: info.lines, fields: {}, unreadable: `has ${record.length} values, the header ${columns.length}` };
    const fields: Record<string, unknown> = {};
    const attributes: Record<string, string> = {};
    columns.forEach((column, index) => {
      const value = record[index];
      if (ATTRIBUTE_COLUMN.test(column)) {
        if (value !== '') attributes[column.replace(ATTRIBUTE_COLUMN, '')] = value;
      } else if (value !== '') fields[column] = value;
    });
    if (Object.keys(attributes).length > 0) fields.attributes = attributes;
    return { line: info.lines, fields };
  });
}

/** Reads customer rows from a parsed JSON body: an array of objects, or `{"customers": [...]}`. */
export function readJsonRows(parsed: unknown): RawCustomerRow[] {
  const list = Array.isArray(parsed) ? parsed : (parsed as { customers?: unknown })?.customers;
  if (!Array.isArray(list))
    throw new CustomerFileError({
      line: 0,
      field: 'file',
      reason: 'expected a JSON array of customers (or {"customers": [...]})',
    });
  return list.map((item, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? { line: index + 1, fields: item as Record<string, unknown> }
      : { line: index + 1, fields: {}, unreadable: 'is not a JSON object' },
  );
}

/** `customer_id`, `Customer ID` and `customerId` all name the same field. */
function columnName(header: string): string {
  if (ATTRIBUTE_COLUMN.test(header)) return header;
  const trimmed = header.trim();
  const camel = /[\s_-]/.test(trimmed)
    ? trimmed.toLowerCase().replace(/[\s_-]+([a-z])/g, (_, letter: string) => letter.toUpperCase())
    : trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return camel === 'accountOwnerId' ? 'accountOwner' : camel;
}
