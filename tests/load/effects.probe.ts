import type { Client } from 'pg';

export interface WaitOptions {
  /** Fail when the count has not moved for this long. */
  stallMs: number;
  /** What to add to the failure message (e.g. the tail of the service's output). */
  context: () => string;
}

export interface AppliedWindow {
  rows: number;
  first: Date;
  last: Date;
}

const POLL_MS = 100;

/** Watches a table of effects that a consumer fills: counts rows and distinct events. */
export class EffectsProbe {
  constructor(
    private readonly db: Client,
    /** `"schema".table`, with an `event_id` column. */
    private readonly table: string,
  ) {}

  /**
   * Resolves once the table holds `target` distinct events. Counts rows while polling (cheap)
   * and distinct event ids only once the rows are there, so duplicates cannot end the wait.
   */
  async waitForEvents(target: number, options: WaitOptions): Promise<void> {
    await this.pollUntil(`SELECT count(*)::int AS n FROM ${this.table}`, target, options);
    await this.pollUntil(`SELECT count(DISTINCT event_id)::int AS n FROM ${this.table}`, target, options);
  }

  /** Rows beyond one per event: effects applied twice. */
  async duplicates(): Promise<number> {
    const { rows } = await this.db.query(`SELECT (count(*) - count(DISTINCT event_id))::int AS n FROM ${this.table}`);
    return rows[0].n;
  }

  private async pollUntil(sql: string, target: number, { stallMs, context }: WaitOptions): Promise<void> {
    let seen = -1;
    let movedAt = performance.now();
    for (;;) {
      const { rows } = await this.db.query(sql);
      const n: number = rows[0].n;
      if (n >= target) return;
      if (n !== seen) {
        seen = n;
        movedAt = performance.now();
      } else if (performance.now() - movedAt > stallMs) {
        throw new Error(
          `stalled: ${n} of ${target} events in ${this.table}, none added for ${stallMs} ms (BENCH_STALL_MS)\n${context()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** When the rows of `table` stamped at or after `since` were applied, by their `column` timestamp. */
export async function appliedWindow(db: Client, table: string, column: string, since: Date): Promise<AppliedWindow> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS rows, min(${column}) AS first, max(${column}) AS last FROM ${table} WHERE ${column} >= $1`,
    [since],
  );
  return rows[0];
}

/** Consume rate over the applied window, and how long after `since` the first effect came. */
export function windowNotes(window: AppliedWindow, since: Date): string[] {
  const span = (window.last.getTime() - window.first.getTime()) / 1000;
  const consume = span > 0 ? Math.round(window.rows / span) : window.rows;
  return [
    `consume ${consume}/s (first→last effect ${span.toFixed(1)} s)`,
    `first effect +${((window.first.getTime() - since.getTime()) / 1000).toFixed(2)} s`,
  ];
}
