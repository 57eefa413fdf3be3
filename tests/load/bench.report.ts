/** One measured row: `events` took `seconds` end to end on `path`. */
export interface PathResult {
  path: string;
  events: number;
  seconds: number;
  notes: string[];
}

/** A plain-text table of the results, one row per path, for stdout and docs/benchmarks.md. */
export function resultTable(results: PathResult[]): string {
  const header = ['path', 'events', 'seconds', 'events/s', 'notes'];
  const rows = results.map((r) => [
    r.path,
    String(r.events),
    r.seconds.toFixed(1),
    rate(r.events, r.seconds),
    r.notes.join('; '),
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Events per second, rounded to a whole number. */
export function rate(events: number, seconds: number): string {
  return seconds > 0 ? String(Math.round(events / seconds)) : '-';
}

export function secondsSince(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}

/** The rows of resultTable as numbers, for tests/load/results/<name>.json. */
export function resultRows(results: PathResult[]) {
  return results.map(({ path, events, seconds, notes }) => ({
    path,
    events,
    seconds: round(seconds, 2),
    eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : null,
    notes,
  }));
}

/** `value` with at most `decimals` decimals, for figures written as JSON. */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The nearest-rank `p`th percentile (0–100) of values sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A timestamped progress line on stderr, apart from the figures a bench prints on stdout. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${new Date().toISOString()} ${message}\n`);
}
