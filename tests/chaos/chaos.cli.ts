import { loadAverage, writeBenchResult } from '../load/bench.results';
import { type ChaosResult, runChaos } from './chaos.run';

// `npm run chaos`: the fault run of issue #14 at full size (docs/reliability.md). Sizes from
// CHAOS_ANSWERS, CHAOS_SECONDS, CHAOS_IMPORT_ROWS, CHAOS_KILLS_PER_SERVICE, CHAOS_POSTGRES_OUTAGE_MS,
// CHAOS_CONCURRENCY, CHAOS_BATCH (answers per POST /responses/batch, every other request; 1 for none).
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const print = (line: string) => process.stdout.write(`${line}\n`);

function table(result: ChaosResult): string {
  const rows = result.checks.map((c) => [c.ok ? 'ok' : 'FAIL', c.check, String(c.expected), String(c.actual)]);
  const header = ['', 'check', 'expected', 'actual'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const result = await runChaos({
    answers: setting('CHAOS_ANSWERS', 20000),
    importRows: setting('CHAOS_IMPORT_ROWS', 2000),
    killsPerService: setting('CHAOS_KILLS_PER_SERVICE', 3),
    postgresOutageMs: setting('CHAOS_POSTGRES_OUTAGE_MS', 20000),
    seconds: setting('CHAOS_SECONDS', 240),
    concurrency: setting('CHAOS_CONCURRENCY', 16),
    batch: setting('CHAOS_BATCH', 10),
    stallMs: setting('CHAOS_STALL_MS', 180000),
    log: (line) => print(line),
  });
  print(`\n${table(result)}\n`);
  const { p50, max, count } = result.restartToReadyMs;
  print(`restart to ready after SIGKILL: p50 ${p50} ms, max ${max} ms over ${count} restarts`);
  for (const { service, readyMs, process } of result.restarts) {
    const own = process
      ? `code loaded ${process.loadedMs} ms, init ${process.initMs} ms, listening ${process.readyMs} ms`
      : '?';
    print(`  ${service}: ready ${readyMs} ms after the kill (its own start: ${own})`);
  }
  print(`HTTP statuses seen by the client: ${JSON.stringify(result.statuses)}; unreachable ${result.unreachable}`);
  if (result.troubles) print(`what the services printed last:\n${result.troubles.join('\n')}`);
  print(`load ${result.seconds.load} s, settle ${result.seconds.settle} s, total ${result.seconds.total} s`);
  // Written whether the checks passed or not: a run that finished is a result; `passed` says which.
  const { options, ...figures } = result;
  const file = writeBenchResult('chaos', { command: 'npm run chaos', settings: options, figures, loadBefore });
  print(`written to ${file}`);
  process.exit(result.passed ? 0 : 1);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
