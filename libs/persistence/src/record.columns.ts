/**
 * The column of each field of a stored record, for repositories that write SQL by hand: names
 * for column lists, placeholders for inserts, and rows back into records.
 */
export class RecordColumns<T extends object> {
  readonly fields: (keyof T & string)[];

  constructor(private readonly columns: { [K in keyof T & string]: string }) {
    this.fields = Object.keys(columns) as (keyof T & string)[];
  }

  /** The column of one field. */
  of(field: keyof T & string): string {
    return this.columns[field];
  }

  /** `a, b, c`: the columns of `fields` (every field by default), in that order. */
  names(fields: readonly (keyof T & string)[] = this.fields): string {
    return fields.map((field) => this.columns[field]).join(', ');
  }

  /** `($1, $2), ($3, $4)` and the parameters, to insert `records` into the columns of `fields`. */
  values(
    records: readonly T[],
    fields: readonly (keyof T & string)[] = this.fields,
  ): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const tuples = records.map((record) => {
      const start = params.length;
      params.push(...fields.map((field) => record[field]));
      return `(${fields.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    return { sql: tuples.join(', '), params };
  }

  /** The record held by a row: other columns are ignored, fields whose column was not selected left out. */
  toRecord(row: Record<string, unknown>): T {
    const selected = this.fields.filter((field) => this.columns[field] in row);
    return Object.fromEntries(selected.map((field) => [field, row[this.columns[field]]])) as T;
  }
}
