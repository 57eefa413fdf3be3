/** One table whose old rows a service deletes, and how old is old. */
export interface RetentionRule {
  /** Names the rule in logs and metrics, e.g. `inbox`. */
  name: string;
  /** The schema-qualified, quoted table, e.g. `"scoring".inbox`. */
  table: string;
  /**
   * The timestamp column that dates a row, or an SQL expression over the row (e.g. a subquery
   * reading the date of the row it belongs to). A row whose date is NULL never expires.
   */
  datedBy: string;
  /** Rows dated more than this many days before the clock's now are deleted. */
  maxAgeDays: number;
  /** A further SQL condition a row must meet to go (e.g. only sent notifications). */
  onlyWhere?: string;
}

/**
 * The statement deleting one batch of `rule`'s expired rows ($1 = now, $2 = age in days, $3 = batch
 * size). Now is a parameter, not SQL `now()`, so a test can set the clock (docs/adr/0035).
 */
export function pruneBatchSql(rule: RetentionRule): string {
  const condition = rule.onlyWhere ? ` AND (${rule.onlyWhere})` : '';
  const expired = `${rule.datedBy} < $1::timestamptz - make_interval(days => $2)${condition}`;
  // Batches by ctid keep each statement (and the locks it takes) short on a table of millions.
  const batch = `SELECT ctid FROM ${rule.table} WHERE ${expired} LIMIT $3`;
  return `DELETE FROM ${rule.table} WHERE ctid = ANY(ARRAY(${batch}))`;
}

/** Whether something dated `at` is more than `maxAgeDays` days before `now`: what a rule would delete. */
export function isPastRetention(at: Date, maxAgeDays: number, now: Date): boolean {
  return at.getTime() < now.getTime() - maxAgeDays * 24 * 60 * 60 * 1000;
}
