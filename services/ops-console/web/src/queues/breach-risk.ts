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

/**
 * Badge colours per risk: a light tint with dark text (at least 6:1, WCAG 1.4.3); the label always goes
 * with them, so colour is never the only signal (WCAG 1.4.1).
 */
export const RISK_STYLE: Record<BreachRisk, { background: string; color: string }> = {
  breached: { background: '#ffe3e3', color: '#a51111' },
  at_risk: { background: '#fff4e6', color: '#8a3c00' },
  on_track: { background: '#ebfbee', color: '#1b5e20' },
  done: { background: '#f1f3f5', color: '#495057' },
};

/** Breached first, then at risk, on track and done (for sorting and counting). */
export const RISK_ORDER: readonly BreachRisk[] = ['breached', 'at_risk', 'on_track', 'done'];
