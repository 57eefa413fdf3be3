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

  it('writes <name>.json into the directory it is given, creating it', () => {
    expect(write()).toBe(join(dir, 'results', 'messaging.json'));
  });

  it('writes the run, the machine, the settings and the figures as JSON', () => {
    const written = JSON.parse(readFileSync(write(), 'utf8'));

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
    const text = readFileSync(write(), 'utf8');

    expect(JSON.parse(text).settings).not.toHaveProperty('databaseUrl');
    expect(text).not.toContain('secret');
  });

  it('keeps its keys in one order, pretty-printed', () => {
    const text = readFileSync(write(), 'utf8');

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

    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('baseline');
  });

  it('defaults to tests/load/results', () => {
    expect(RESULTS_DIR).toBe(join(__dirname, 'results'));
  });
});
