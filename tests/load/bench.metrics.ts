/** One measured figure with its unit, as issue #15 asks every benchmark to write it (ADR 0069). */
export interface BenchMetric {
  bench: string;
  /** Where the figure sits in the run's `figures` (or `baseline`), e.g. `latency[rate=200].latencyP99Ms`. */
  metric: string;
  value: number;
  unit: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; totalMemoryBytes: number; node: string };
  /** 1-minute load average before and after the run. */
  loadAverage: { before: number; after: number };
  /** When the run ended (ISO time). */
  at: string;
}

/** A figure's name and value, before the run's identity is added. */
export interface NamedFigure {
  metric: string;
  value: number;
  unit: string;
}

/** A row of an array is named by the first of these it has, so a metric keeps its name when rows are added. */
const ROW_NAMES = ['path', 'phase', 'service', 'name', 'check', 'fault', 'question'];
const ROW_NUMBERS = ['rate', 'instances'];
/** Pass/fail lists stay in the run file: their expected and actual counts are not measurements. */
const NOT_MEASURED = new Set(['checks']);

/** The unit of a figure by its key; the first match wins. */
const UNITS: [RegExp, string][] = [
  [/CpuMsPerAnswer$/, 'CPU ms/answer'],
  [/Microseconds$/, 'µs'],
  [/(^ms|Ms)(?=[A-Z]|$)/, 'ms'],
  [/Mb$/, 'MB'],
  [/^comments.*PerCpuSecond/, 'comments/CPU s'],
  [/^comments.*PerSecond/, 'comments/s'],
  [/^events.*PerSecond$/, 'events/s'],
  [/^(answers|sent)PerSecond$|^rate(PerSecond)?$/, 'answers/s'],
  [/RowsPerSecond$|^rowsPerSecond$/, 'rows/s'],
  [/CasesPerSecond$/, 'cases/s'],
  [/^surveysPerSecond$/, 'surveys/s'],
  [/PerSecond$/, 'operations/s'],
  [/(Seconds|^seconds)$/, 's'],
  [/Bytes$/, 'bytes'],
  [/Rows$|^(rows|accepted|rejected)$/, 'rows'],
  [/^(events|eventsOnKafka\w*)$/, 'events'],
  [/^(answers|batch|warmUp|commented|detractors)$/, 'answers'],
  [/^touchpoints$/, 'touchpoints'],
  [/^emails$/, 'emails'],
  [/^cases$/, 'cases'],
  [/^count$/, 'samples'],
  [/^(concurrency|retriedAfter503|unreachable|requestsSentInTotal)$/, 'requests'],
  [/^\d{3}/, 'responses'],
  [/^owners$/, 'owners'],
  [/^instances$/, 'instances'],
  [/^(nps|marginOfError95)$/, 'NPS points'],
  [/^n$/, 'responses'],
  [/^averageCharacters$/, 'characters'],
  [/^tagsPerComment$/, 'tags/comment'],
  [/^consumeOnlyVsStock$/, '× stock Nest'],
];

/** A benchmark's own word for what a generic figure counts, by metric: the whole loop's "events" are answers. */
const UNITS_OF_BENCH: Record<string, [RegExp, Record<string, string>][]> = {
  e2e: [[/^throughput\[/, { events: 'answers', 'events/s': 'answers/s' }]],
  'case-intake': [[/./, { answers: 'detractors', 'answers/s': 'detractors/s' }]],
};

/** Every number of a run's figures (and its baseline, under `baseline.`) as a named metric with its unit. */
export function metricsOf(bench: string, figures: object, baseline?: object): NamedFigure[] {
  const found: NamedFigure[] = [];
  walk(figures, '', [], found);
  if (baseline !== undefined) walk(baseline, 'baseline', [], found);
  const own = UNITS_OF_BENCH[bench] ?? [];
  return found.map((figure) => {
    const words = own.find(([metric]) => metric.test(figure.metric))?.[1] ?? {};
    return { ...figure, unit: words[figure.unit] ?? figure.unit };
  });
}

/** The unit of the figure at `keys`: its own key's, or the nearest parent's (`latencyMicroseconds.p50`, `seconds.load`). */
export function unitOf(keys: string[]): string {
  for (const key of [...keys].reverse()) {
    const unit = UNITS.find(([pattern]) => pattern.test(key))?.[1];
    if (unit !== undefined) return unit;
  }
  return '';
}

function walk(value: unknown, name: string, keys: string[], found: NamedFigure[]): void {
  if (typeof value === 'number' && Number.isFinite(value)) {
    found.push({ metric: name, value, unit: unitOf(keys) });
    return;
  }
  if (Array.isArray(value)) {
    const seen = new Map<string, number>();
    value.forEach((row, index) => {
      const label = rowName(row, index);
      const times = (seen.get(label) ?? 0) + 1;
      seen.set(label, times);
      walk(row, `${name}[${times === 1 ? label : `${label} #${times}`}]`, keys, found);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (NOT_MEASURED.has(key)) continue;
    walk(child, name === '' ? key : `${name}.${key}`, [...keys, key], found);
  }
}

function rowName(row: unknown, index: number): string {
  if (typeof row !== 'object' || row === null) return String(index);
  const fields = row as Record<string, unknown>;
  const named = ROW_NAMES.find((key) => typeof fields[key] === 'string');
  if (named !== undefined) return String(fields[named]);
  const numbered = ROW_NUMBERS.find((key) => typeof fields[key] === 'number');
  return numbered === undefined ? String(index) : `${numbered}=${String(fields[numbered])}`;
}
