// How the dashboard writes its figures: NPS to one decimal, always with its margin of error.

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace(/^-0\.0$/, '0.0');

/** An NPS (−100…100) to one decimal, e.g. `32.4`, `-5.0`; a real minus sign for people. */
export function formatNps(value: number): string {
  return oneDecimal(value).replace('-', '−');
}

/** The 95% margin of error as shown next to an NPS: `± 4.2`. */
export function formatMargin(marginOfError95: number): string {
  return `± ${oneDecimal(marginOfError95)}`;
}

/** NPS with its margin of error: `32.4 ± 4.2`. */
export function formatNpsWithMargin(nps: number, marginOfError95: number): string {
  return `${formatNps(nps)} ${formatMargin(marginOfError95)}`;
}

/** The 95% interval: `28.1 to 36.5`. */
export function formatInterval([low, high]: readonly number[]): string {
  return `${formatNps(low)} to ${formatNps(high)}`;
}

/** A share 0…1 as a whole percentage (`87%`), or an en dash without one. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** A percentage 0…100 to one decimal (`41.5%`). */
export function formatPct(pct: number): string {
  return `${oneDecimal(pct)}%`;
}

/** Hours to one decimal (`5.5 h`), or an en dash without a value. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '–' : `${oneDecimal(Number(hours))} h`;
}

/** A signed change in points (`+4.9`, `−18.8`), for impacts and uplifts. */
export function formatSigned(value: number): string {
  const text = formatNps(Math.abs(value));
  return Math.round(value * 10) === 0 ? text : `${value > 0 ? '+' : '−'}${text}`;
}
