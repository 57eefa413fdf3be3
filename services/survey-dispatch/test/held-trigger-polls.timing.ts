// The measuring of `npm run bench:held-triggers` (tests/load/held-triggers.bench.ts), which runs this file in a
// process of its own and writes what it sends back. What one poll for held touchpoints (ADR 0066) costs Postgres
// while many wait for their customer's import: HeldTriggerRepository.claimReady on a fresh schema holding
// BENCH_CUSTOMERS customers, first with no touchpoint held, then with BENCH_HELD held and none ready. The
// baseline, in the same run, is the claim as first written (every held row checked against `customers` on each
// poll). Then an import's mark for 500 customers, and a check that the next poll claims one of theirs.
import { dataSourceOptions, ensureSchema, SchemaTables } from '@nps/persistence';
import { freshName } from '@nps/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { HeldTriggerRepository } from '../src/held-triggers/held-trigger.repository';
import { service } from '../src/service.definition';

interface Settings {
  databaseUrl: string;
  customers: number;
  held: number;
  polls: number;
}

const IMPORTED = 500;

/** The claim as ADR 0066 first shipped it: the baseline. */
const firstClaim = (tables: SchemaTables) => {
  const known = `EXISTS (SELECT 1 FROM ${tables.of('customers')} c WHERE c.customer_id = h.customer_id)`;
  return `SELECT h.*, ${known} AS customer_known FROM ${tables.of('held_triggers')} h
          WHERE ${known} OR h.held_until <= $1 ORDER BY h.held_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
};

/** Median milliseconds of `polls` runs of `poll`, each in a transaction rolled back after it. */
async function timed(db: DataSource, polls: number, poll: (manager: EntityManager) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < polls; i++) {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    const start = performance.now();
    await poll(runner.manager);
    times.push(performance.now() - start);
    await runner.rollbackTransaction();
    await runner.release();
  }
  return round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
}

async function main(settings: Settings): Promise<void> {
  const schema = freshName('bench_held');
  await ensureSchema(settings.databaseUrl, schema);
  const db = new DataSource(
    dataSourceOptions({ url: settings.databaseUrl, schema, entities: [], migrations: service.migrations }),
  );
  await db.initialize();
  try {
    await db.runMigrations();
    const tables = new SchemaTables(schema);
    const held = new HeldTriggerRepository(tables);
    const now = new Date();
    const later = new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000);
    process.stderr.write(`${settings.customers} customers\n`);
    await db.query(
      `INSERT INTO ${tables.of('customers')} (customer_id, language, time_zone)
       SELECT 'known-' || g, 'en', 'UTC' FROM generate_series(1, $1) g`,
      [settings.customers],
    );
    await db.query(`ANALYZE ${tables.of('customers')}`);
    const newClaim = (manager: EntityManager) => held.claimReady(manager, now);
    const oldClaim = (manager: EntityManager) => manager.query(firstClaim(tables), [now]);
    const empty = {
      claim: await timed(db, settings.polls, newClaim),
      first: await timed(db, settings.polls, oldClaim),
    };

    process.stderr.write(`${settings.held} touchpoints held\n`);
    await db.query(
      `INSERT INTO ${tables.of('held_triggers')}
         (touchpoint_type, touchpoint_id, customer_id, attributes, held_at, held_until, ready_at)
       SELECT 'order', 'order-' || g, 'new-' || g, '{}', $2::timestamptz - g * interval '1 ms', $3, $3
       FROM generate_series(1, $1) g`,
      [settings.held, now, later],
    );
    await db.query(`ANALYZE ${tables.of('held_triggers')}`);
    const waiting = {
      claim: await timed(db, settings.polls, newClaim),
      first: await timed(db, settings.polls, oldClaim),
    };
    if (await db.transaction((manager) => held.claimReady(manager, now)))
      throw new Error('a touchpoint was claimed while every customer was unknown and every hold running');

    const step = Math.max(1, Math.floor(settings.held / IMPORTED));
    const arrived = Array.from({ length: Math.min(IMPORTED, settings.held) }, (_, i) => `new-${i * step + 1}`);
    await db.query(
      `INSERT INTO ${tables.of('customers')} (customer_id, language, time_zone) SELECT unnest($1::text[]), 'en', 'UTC'`,
      [arrived],
    );
    const mark = async (customerIds: string[]) => {
      const start = performance.now();
      await db.transaction((manager) => held.customersArrived(manager, customerIds, now));
      return round(performance.now() - start);
    };
    // A re-import of customers known all along (nothing of theirs held), then the import that brings the held.
    const markNoneHeldMs = await mark(Array.from({ length: IMPORTED }, (_, i) => `known-${i + 1}`));
    const markMs = await mark(arrived);
    const ready = await db.transaction((manager) => held.claimReady(manager, now));
    if (!ready?.customerKnown || !arrived.includes(ready.touchpoint.customerId))
      throw new Error(
        `after the import the poll claimed ${JSON.stringify(ready)}, not an imported customer's touchpoint`,
      );

    const figures = {
      pollMsNoneHeld: empty.claim,
      pollMsHeldNoneReady: waiting.claim,
      [`importMarksReadyMsFor${IMPORTED}KnownCustomers`]: markNoneHeldMs,
      [`importMarksReadyMsFor${arrived.length}HeldCustomers`]: markMs,
    };
    const baseline = { firstClaimPollMsNoneHeld: empty.first, firstClaimPollMsHeldNoneReady: waiting.first };
    process.stdout.write(
      [
        `One poll for held touchpoints, median of ${settings.polls} (ms), ${settings.customers} customers:`,
        `  no touchpoint held:          ${empty.claim} (first claim, the baseline: ${empty.first})`,
        `  ${settings.held} held, none ready: ${waiting.claim} (first claim, the baseline: ${waiting.first})`,
        `An import's mark: ${markNoneHeldMs} ms for ${IMPORTED} customers with nothing of theirs held, ${markMs} ms`,
        `for ${arrived.length} with one touchpoint held each.`,
      ].join('\n') + '\n',
    );
    process.send?.({ settings: { ...settings, databaseUrl: undefined }, figures, baseline });
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.destroy();
  }
}

function intOf(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return Number(raw);
}

const round = (value: number) => Math.round(value * 100) / 100;

main({
  databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/nps_test',
  customers: intOf('BENCH_CUSTOMERS', 500000),
  held: intOf('BENCH_HELD', 100000),
  polls: intOf('BENCH_POLLS', 20),
}).then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`held-trigger polls: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
