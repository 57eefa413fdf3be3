/** One table whose old rows a service deletes, and how old is old. */
export interface RetentionRule {
  /** Names the rule in logs and readiness, e.g. `inbox`. */
  name: string;
  /** The schema-qualified, quoted table, e.g. `"scoring".inbox`. */
  table: string;
  /** The timestamp column that dates a row. */
  datedBy: string;
  /** Rows dated more than this many days ago are deleted. */
  maxAgeDays: number;
  /** A further SQL condition a row must meet to go (e.g. only sent notifications). */
  onlyWhere?: string;
}

/** The statement deleting one batch of `rule`'s expired rows ($1 = age in days, $2 = batch size). */
export function pruneBatchSql(rule: RetentionRule): string {
  const condition = rule.onlyWhere ? ` AND (${rule.onlyWhere})` : '';
  const expired = `${rule.datedBy} < now() - make_interval(days => $1)${condition}`;
  // Batches by ctid keep each statement (and the locks it takes) short on a table of millions.
  const batch = `SELECT ctid FROM ${rule.table} WHERE ${expired} LIMIT $2`;
  return `DELETE FROM ${rule.table} WHERE ctid = ANY(ARRAY(${batch}))`;
}
