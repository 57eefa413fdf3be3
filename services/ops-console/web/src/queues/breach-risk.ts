/** How close a case is to breaking its next SLA deadline. */
export type BreachRisk = 'breached' | 'at_risk' | 'on_track' | 'done';

/** A deadline is at risk in its last quarter, and always in its last hour. */
export const AT_RISK_SHARE = 0.25;
export const AT_RISK_MS = 60 * 60 * 1000;

/**
 * The breach risk of a deadline at `now`: breached once past it, at risk in the last quarter of the
 * time from `startedAt` (or the last hour), else on track; `done` when the clock has stopped.
 */
export function breachRisk(dueAt: string, startedAt: string, now: number, stopped = false): BreachRisk {
  if (stopped) return 'done';
  const due = Date.parse(dueAt);
  const left = due - now;
  if (left <= 0) return 'breached';
  const window = Math.max(0, due - Date.parse(startedAt));
  return left <= Math.max(AT_RISK_MS, window * AT_RISK_SHARE) ? 'at_risk' : 'on_track';
}

/** Mantine colours that reach 4.5:1 as light badge text on white; the label always goes with them. */
export const RISK_COLOUR: Record<BreachRisk, string> = {
  breached: 'red',
  at_risk: 'orange',
  on_track: 'green',
  done: 'gray',
};

/** Breached first, then at risk, on track and done (for sorting and counting). */
export const RISK_ORDER: readonly BreachRisk[] = ['breached', 'at_risk', 'on_track', 'done'];
