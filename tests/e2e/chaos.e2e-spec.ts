import { runChaos } from '../chaos/chaos.run';

const TROUBLES_SHOWN = 25;

// The short fault run of `npm run chaos` (docs/reliability.md): 2,000 answers (every other request
// a batch of 10) and a 200-row import while each service is SIGKILLed once, the broker restarts and PostgreSQL stops for
// 20 s, on a broker and a cluster of the test's own. Nothing may be lost, doubled or dead-lettered.
describe('the platform under faults (short chaos run)', () => {
  it('stores, scores and tags every accepted answer once, decides every detractor once (an owned case, or a skip when too old) and dead-letters nothing', async () => {
    const result = await runChaos({
      answers: 2000,
      importRows: 200,
      killsPerService: 1,
      postgresOutageMs: 20000,
      seconds: 60,
      concurrency: 8,
      batch: 10,
      stallMs: 180000,
    });
    const { p50, max, count } = result.restartToReadyMs;
    process.stdout.write(
      `chaos: restart to ready p50 ${p50} ms, max ${max} ms (${count} restarts); ${JSON.stringify(result.statuses)}\n`,
    );
    if (result.troubles) process.stdout.write(`chaos: what the services printed last\n${result.troubles.join('\n')}\n`);
    // The services' last complaints go into the assertion too: its diff is what a CI log keeps.
    const failed = result.checks.filter((check) => !check.ok);
    const troubles = failed.length
      ? (result.troubles ?? []).slice(-TROUBLES_SHOWN).map((line) => line.slice(0, 400))
      : [];
    expect({ failed, troubles }).toEqual({ failed: [], troubles: [] });
    expect(result.faults).toHaveLength(7);
  }, 900000);
});
