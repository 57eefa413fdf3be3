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
