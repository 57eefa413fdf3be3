import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsOf, unitOf } from './bench.metrics';
import { metricEntriesOf, RESULTS_DIR } from './bench.results';

describe('metricsOf', () => {
  it('names each number by its path, rows by their own name, and leaves strings and checks out', () => {
    const figures = {
      idle: { seconds: 10, notes: ['machine 7% busy'] },
      throughput: [{ path: 'bulk import', events: 100, seconds: 2, eventsPerSecond: 50, notes: [] }],
      latency: [{ rate: 200, latencyP99Ms: 202 }],
      checks: [{ name: 'nothing lost', expected: 100, actual: 100, passed: true }],
    };

    expect(metricsOf('e2e', figures)).toEqual([
      { metric: 'idle.seconds', value: 10, unit: 's' },
      { metric: 'throughput[bulk import].events', value: 100, unit: 'answers' },
      { metric: 'throughput[bulk import].seconds', value: 2, unit: 's' },
      { metric: 'throughput[bulk import].eventsPerSecond', value: 50, unit: 'answers/s' },
      { metric: 'latency[rate=200].rate', value: 200, unit: 'answers/s' },
      { metric: 'latency[rate=200].latencyP99Ms', value: 202, unit: 'ms' },
    ]);
  });

  it('puts the baseline under baseline., in its own words: stock Nest counts events, not answers', () => {
    const row = { path: 'stock Nest ServerKafka, consume only', events: 20000, eventsPerSecond: 1813 };

    expect(metricsOf('e2e', {}, { rows: [row] })).toEqual([
      { metric: 'baseline.rows[stock Nest ServerKafka, consume only].events', value: 20000, unit: 'events' },
      { metric: 'baseline.rows[stock Nest ServerKafka, consume only].eventsPerSecond', value: 1813, unit: 'events/s' },
    ]);
  });

  it('tells rows of the same name apart, so no two metrics share a name', () => {
    const faults = [
      { fault: 'SIGKILL scoring', ms: 1900 },
      { fault: 'SIGKILL scoring', ms: 1350 },
    ];

    expect(metricsOf('chaos', { faults }).map((figure) => figure.metric)).toEqual([
      'faults[SIGKILL scoring].ms',
      'faults[SIGKILL scoring #2].ms',
    ]);
  });

  it.each([
    [['latencyMicroseconds', 'p50'], 'µs'],
    [['seconds', 'load'], 's'],
    [['pollMsNoneHeld'], 'ms'],
    [['api', 'serviceCpuMsPerAnswer'], 'CPU ms/answer'],
    [['peakRssMb', 'scoring', 'highWaterMb'], 'MB'],
    [['statuses', '503'], 'responses'],
    [['consumeOnlyVsStock', 'ours P=3 batch 50, consume only'], '× stock Nest'],
    [['somethingNew'], ''],
  ])('%j is in %s', (keys, unit) => {
    expect(unitOf(keys)).toBe(unit);
  });
});

describe('tests/load/results', () => {
  const runs = readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.run.json'));

  it('holds a run file for each benchmark', () => {
    expect(runs.length).toBeGreaterThan(0);
  });

  it.each(runs)('%s: its metrics file holds every figure of the run, each with a unit', (file) => {
    const run = JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8'));
    const metrics = JSON.parse(readFileSync(join(RESULTS_DIR, file.replace('.run.json', '.json')), 'utf8'));

    expect(metrics).toEqual(metricEntriesOf(run));
    expect(metrics.filter((entry: { unit: string }) => entry.unit === '')).toEqual([]);
    expect(new Set(metrics.map((entry: { metric: string }) => entry.metric)).size).toBe(metrics.length);
  });
});
