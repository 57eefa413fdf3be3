import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, INTERVALS, type Interval } from './dashboard.types';

/** What the dashboard shows; kept in the address (`?from=…&to=…&interval=…`) so a view can be shared. */
export interface DashboardFilters {
  /** First and last day, inclusive, YYYY-MM-DD, in the time zone of the rollups read (UTC). */
  from: string;
  to: string;
  interval: Interval;
  breakdown: BreakdownDimension;
}

/** The time zone the dashboard asks scoring for; every deployment rolls up UTC (docs/scoring.md). */
export const DASHBOARD_TIME_ZONE = 'UTC';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A real calendar day as YYYY-MM-DD. */
export function isDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && DAY.test(value) && dayOf(msOf(value) || 0) === value;
}

/** Today in UTC. */
export function today(now: Date = new Date()): string {
  return dayOf(now.getTime());
}

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return dayOf(msOf(day) + days * DAY_MS);
}

/** Days from `from` to `to`, both counted. */
export function daysIn(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS) + 1;
}

/** The period of the same length just before `from`…`to`, as `/nps/drivers` takes it. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysIn(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Twelve months: the first day of the month eleven months back up to today, monthly, by segment. */
export function defaultFilters(todayDay: string): DashboardFilters {
  const [year, month] = todayDay.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: dayOf(start.getTime()), to: todayDay, interval: 'month', breakdown: 'segment' };
}

/** The filters in an address; what is missing or invalid takes its default (a reversed period too). */
export function filtersFromSearch(search: URLSearchParams, todayDay: string): DashboardFilters {
  const defaults = defaultFilters(todayDay);
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const from = search.get('from');
  const to = search.get('to');
  const period =
    isDay(from) && isDay(to) && from <= to
      ? { from, to }
      : isDay(from) && !to && from <= todayDay
        ? { from, to: todayDay }
        : { from: defaults.from, to: defaults.to };
  return {
    ...period,
    interval: pick(search.get('interval'), INTERVALS, defaults.interval),
    breakdown: pick(search.get('breakdown'), BREAKDOWN_DIMENSIONS, defaults.breakdown),
  };
}

/** The address's query for these filters. */
export function filtersToSearch(filters: DashboardFilters): Record<string, string> {
  return { from: filters.from, to: filters.to, interval: filters.interval, breakdown: filters.breakdown };
}

/** The scoring filter of a period: `from`, `to` and the time zone. */
export function periodQuery(period: { from: string; to: string }): { from: string; to: string; timeZone: string } {
  return { from: period.from, to: period.to, timeZone: DASHBOARD_TIME_ZONE };
}

/** Case-management's loop metrics take instants: the period's first moment up to the moment after its last day. */
export function instantsOf(period: { from: string; to: string }): { from: string; to: string } {
  return { from: `${period.from}T00:00:00.000Z`, to: new Date(msOf(period.to) + DAY_MS).toISOString() };
}
