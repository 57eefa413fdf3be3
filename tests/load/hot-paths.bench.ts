// Two per-answer hot paths on one core, in microseconds per call:
// - comment encryption (libs/privacy field.cipher.ts): encryptField and decryptField with a customer's
//   data key that recurs, as it does from the key cache, and as the baseline the same key in a Buffer
//   never seen before, so each cipher builds its key object anew (what every call did before the key
//   objects were kept);
// - a case's SLA deadlines (case-management business-hours.calculator.ts, timed by
//   services/case-management/src/calendar/deadline.timing.ts in a process of its own).
//
//   npm run bench:hot-paths
//
// Settings: BENCH_CALLS (default 100000), BENCH_ROUNDS (default 3); figures: docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { type DataKey, decryptField, encryptField, parseField } from '@nps/privacy';
import { round } from './bench.report';
import { loadAverage, writeBenchResult } from './bench.results';
import { runBench } from './bench.run';
import { positiveInt } from './bench.settings';

interface Settings {
  calls: number;
  rounds: number;
}

const COMMENT = 'Waited three weeks for the refund and nobody called back, twice promised.';

/** Operations per second of `op` over `count` calls, the best of `rounds`. */
function perSecond(count: number, rounds: number, op: (i: number) => void): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < count; i++) op(i);
    best = Math.max(best, count / ((performance.now() - started) / 1000));
  }
  return Math.round(best);
}

/** Case-management's code runs in a process of its own (the workspace keeps tests/ out of services' sources). */
function slaDeadlinesPerSecond(s: Settings): number {
  const output = execFileSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'services/case-management/src/calendar/deadline.timing.ts',
      String(s.calls),
      String(s.rounds),
    ],
    { cwd: resolve(__dirname, '../..'), encoding: 'utf8' },
  );
  return (JSON.parse(output.trim().split('\n').pop() ?? '{}') as { deadlinesPerSecond: number }).deadlinesPerSecond;
}

async function main(s: Settings): Promise<void> {
  const loadBefore = loadAverage();
  const dataKey: DataKey = { id: randomUUID(), customerId: 'c-1', key: randomBytes(32) };
  const fresh = (): DataKey => ({ ...dataKey, key: Buffer.from(dataKey.key) });
  const sealed = parseField(encryptField(dataKey, COMMENT));
  if (decryptField(fresh(), sealed) !== COMMENT) throw new Error('a fresh copy of the key did not decrypt');
  const figures = {
    encryptPerSecond: perSecond(s.calls, s.rounds, () => encryptField(dataKey, COMMENT)),
    encryptFreshKeyPerSecond: perSecond(s.calls, s.rounds, () => encryptField(fresh(), COMMENT)),
    decryptPerSecond: perSecond(s.calls, s.rounds, () => decryptField(dataKey, sealed)),
    decryptFreshKeyPerSecond: perSecond(s.calls, s.rounds, () => decryptField(fresh(), sealed)),
    slaDeadlinePerSecond: slaDeadlinesPerSecond(s),
  };
  const us = (perSec: number) => round(1e6 / perSec, 1);
  process.stdout.write(
    `\none core, best of ${s.rounds} rounds of ${s.calls} calls:\n` +
      `| operation | key recurring (µs) | fresh key Buffer, the baseline (µs) |\n|---|---|---|\n` +
      `| encryptField | ${us(figures.encryptPerSecond)} | ${us(figures.encryptFreshKeyPerSecond)} |\n` +
      `| decryptField | ${us(figures.decryptPerSecond)} | ${us(figures.decryptFreshKeyPerSecond)} |\n` +
      `| SLA deadline (Europe/Amsterdam, Mon–Fri 09–17) | ${us(figures.slaDeadlinePerSecond)} | - |\n`,
  );
  const file = writeBenchResult('hot-paths', {
    command: 'npm run bench:hot-paths',
    settings: s,
    figures,
    loadBefore,
  });
  process.stderr.write(`bench: written to ${file}\n`);
}

runBench(
  () => ({
    calls: positiveInt(process.env, 'BENCH_CALLS', 100_000),
    rounds: positiveInt(process.env, 'BENCH_ROUNDS', 3),
  }),
  main,
);
