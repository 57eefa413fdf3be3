import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULTS_DIR, writeBenchResult } from './bench.results';

describe('writeBenchResult', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = () =>
    writeBenchResult(
      'messaging',
      {
        command: 'npm run bench:messaging',
        settings: { brokers: '127.0.0.1:9092', databaseUrl: 'postgres://u:secret@db/nps', events: 200 },
        figures: { rows: [{ path: 'ours', events: 200, seconds: 1.5, eventsPerSecond: 133, notes: [] }] },
        baseline: { rows: [{ path: 'stock', events: 200, seconds: 3, eventsPerSecond: 67, notes: [] }] },
        loadBefore: 0.5,
      },
      join(dir, 'results'),
    );

  const readRun = () => readFileSync(write().replace(/\.json$/, '.run.json'), 'utf8');

  it('writes <name>.json into the directory it is given, creating it', () => {
    expect(write()).toBe(join(dir, 'results', 'messaging.json'));
  });

  it("writes one entry per figure in issue #15's shape, the baseline's too", () => {
    const file = write();
    const entries = JSON.parse(readFileSync(file, 'utf8'));
    const run = JSON.parse(readFileSync(file.replace(/\.json$/, '.run.json'), 'utf8'));

    expect(entries.map((entry: object) => Object.keys(entry))).toEqual(
      Array(entries.length).fill(['bench', 'metric', 'value', 'unit', 'commit', 'machine', 'loadAverage', 'at']),
    );
    expect(
      entries.map(({ metric, value, unit }: { metric: string; value: number; unit: string }) => [metric, value, unit]),
    ).toEqual([
      ['rows[ours].events', 200, 'events'],
      ['rows[ours].seconds', 1.5, 's'],
      ['rows[ours].eventsPerSecond', 133, 'events/s'],
      ['baseline.rows[stock].events', 200, 'events'],
      ['baseline.rows[stock].seconds', 3, 's'],
      ['baseline.rows[stock].eventsPerSecond', 67, 'events/s'],
    ]);
    expect(entries[0]).toMatchObject({
      bench: 'messaging',
      commit: run.commit,
      at: run.measuredAt,
      machine: { cpus: run.machine.cpus, node: process.version },
      loadAverage: { before: 0.5 },
    });
    expect(entries[0].machine).not.toHaveProperty('loadAverage1m');
  });

  it('writes the run, the machine, the settings and the figures as JSON to <name>.run.json', () => {
    const written = JSON.parse(readRun());

    expect(written).toMatchObject({
      benchmark: 'messaging',
      command: 'npm run bench:messaging',
      settings: { brokers: '127.0.0.1:9092', events: 200 },
      figures: { rows: [{ path: 'ours', eventsPerSecond: 133 }] },
      baseline: { rows: [{ path: 'stock', eventsPerSecond: 67 }] },
    });
    expect(new Date(written.measuredAt).toISOString()).toBe(written.measuredAt);
    expect(written.commit).toMatch(/^([0-9a-f]{7,}|unknown)$/);
    expect(written.machine.cpus).toBeGreaterThan(0);
    expect(typeof written.machine.cpuModel).toBe('string');
    expect(written.machine.totalMemoryBytes).toBeGreaterThan(0);
    expect(written.machine.node).toBe(process.version);
    expect(written.machine.loadAverage1m.before).toBe(0.5);
    expect(typeof written.machine.loadAverage1m.after).toBe('number');
  });

  it('leaves the database URL out of the settings: it may carry a password', () => {
    const text = readRun();

    expect(JSON.parse(text).settings).not.toHaveProperty('databaseUrl');
    expect(text).not.toContain('secret');
    expect(readFileSync(join(dir, 'results', 'messaging.json'), 'utf8')).not.toContain('secret');
  });

  it('keeps its keys in one order, pretty-printed', () => {
    const text = readRun();

    expect(Object.keys(JSON.parse(text))).toEqual([
      'benchmark',
      'command',
      'measuredAt',
      'commit',
      'machine',
      'settings',
      'figures',
      'baseline',
    ]);
    expect(text).toMatch(/^\{\n {2}"benchmark": "messaging",\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes no baseline key when the benchmark measured none', () => {
    const file = writeBenchResult(
      'tagging',
      { command: 'npm run bench:tagging', settings: {}, figures: {}, loadBefore: 1 },
      dir,
    );

    expect(JSON.parse(readFileSync(file.replace(/\.json$/, '.run.json'), 'utf8'))).not.toHaveProperty('baseline');
  });

  it('defaults to tests/load/results', () => {
    expect(RESULTS_DIR).toBe(join(__dirname, 'results'));
  });
});
