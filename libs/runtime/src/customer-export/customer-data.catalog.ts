/** A proto enum as TypeScript generates it: its numbers map back to names (`Channel[1] === 'EMAIL'`). */
export type EnumNames = Record<number, string>;

/** One kind of record a service holds about a customer, and how to read it (docs/privacy.md, ADR 0036). */
export interface CustomerDataKind {
  /** Its name in the export's `data`: camelCase, plural (`surveyRequests`). */
  kind: string;
  /** The service's tables the rows come from; the catalog test checks none is forgotten. */
  tables: string[];
  /**
   * A SELECT of the customer's rows, `$1` being the customer id, with a stable ORDER BY. `of`
   * names a table of the service (`of('cases')` → `"case_management"."cases"`).
   */
  query: (of: (table: string) => string) => string;
  /** Columns (camelCase) holding a proto enum number, shown by name: `{ channel: Channel }` → `"email"`. */
  enums?: Record<string, EnumNames>;
  /** What erasing the customer blanks in these rows; a kind without it holds no personal text. */
  erase?: PersonalColumns;
}

/**
 * The customer's personal text in `tables[0]` and what erasure leaves there (ADR 0038). The rows
 * stay, with their ids, scores and dates, so every count and aggregate is unchanged.
 */
export interface PersonalColumns {
  /** A WHERE condition picking the customer's rows, `$1` being the customer id. */
  where: (of: (table: string) => string) => string;
  /** Column (snake_case) → the SQL expression it becomes: `''`, `NULL`, `'{}'::jsonb`, or one of the column itself. */
  set: Record<string, string>;
}

/**
 * Everything a service holds about one customer: the kinds it exports, and its tables that refer to
 * a customer, a response or a case but are deliberately not exported, each with the reason.
 */
export interface CustomerDataCatalog {
  service: string;
  kinds: CustomerDataKind[];
  notPersonal: Record<string, string>;
}
