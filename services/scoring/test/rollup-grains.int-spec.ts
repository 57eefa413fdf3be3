import { Channel } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import { freshSchema, seededRandom, testDatabaseUrl } from '@nps/testing';
import { DIMENSIONS, type Dimension, type Interval, type NpsFilter } from '../src/nps/dimensions';
import { addDays } from '../src/nps/local-day';
import { WeekAndMonthRollups1765730000000 } from '../src/migrations/1765730000000-week-and-month-rollups';
import { RollupReader } from '../src/rollups/rollup.reader';
import { ProjectionHarness } from './projection.harness';
import { answerOf, customerOf, type CustomerSpec, type ResponseSpec, revisionOf, tagsOf } from './scoring.events';

const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Pacific/Auckland'];
const START = Date.parse('2024-01-01T00:00:00Z');
const DAYS = 700;
const KEY = 'zone, day, touchpoint_type, channel, segment, region, tier, language';

// The week and month rollups against the day rollups, on a history that moves rows around (revisions,
// customer facts changing segment, tags arriving before their answer): the coarse tables always hold
// the day tables' sums, the migration rebuilds them alike, and every question read from months,
// weeks and edge days answers exactly what the day tables alone answer.
describe('week and month rollups', () => {
  let harness: ProjectionHarness;
  let reader: RollupReader;
  const random = seededRandom(41);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  beforeAll(async () => {
    const schema = await freshSchema('scoring_rollup_grains');
    harness = await ProjectionHarness.start(testDatabaseUrl(), schema, ZONES.join(','));
    reader = new RollupReader(harness.dataSource, new SchemaTables(schema));
    // Within ANSWER_RETENTION_DAYS of every answer, so each revision is counted.
    harness.clock.now = () => new Date(START + DAYS * 86400000);
    const customer = (i: number, segment: string): CustomerSpec => ({
      customerId: `c-${i}`,
      language: 'en',
      segment,
      region: pick(['benelux', 'uk']),
      tier: pick(['gold', 'standard']),
      accountOwnerId: '',
      accountId: '',
      factsAt: new Date(START + i * 1000),
    });
    const customers = Array.from({ length: 30 }, (_, i) => customer(i, pick(['smb', 'enterprise', 'consumer'])));
    const responses: ResponseSpec[] = Array.from({ length: 500 }, (_, i) => ({
      responseId: `r-${i}`,
      customerId: pick(customers).customerId,
      score: Math.floor(random() * 11),
      answeredAt: new Date(START + Math.floor(random() * DAYS * 86400) * 1000),
      touchpointType: pick(['order-delivered', 'ticket-closed']),
      channel: pick([Channel.EMAIL, Channel.WEB]),
      language: pick(['en', 'nl']),
      comment: '',
      revisions: random() < 0.2 ? [{ revision: 1, score: Math.floor(random() * 11) }] : [],
      tags: random() < 0.4 ? [pick(['price', 'delivery', 'staff'])] : [],
    }));
    for (const spec of customers) await harness.apply(customerOf(spec));
    for (const spec of responses) {
      if (spec.tags.length > 0 && random() < 0.3) await harness.apply(tagsOf(spec));
      await harness.apply(answerOf(spec));
      if (spec.revisions.length > 0) await harness.apply(revisionOf(spec, 0));
    }
    for (const spec of responses.filter(({ tags }) => tags.length > 0)) await harness.apply(tagsOf(spec));
    // A third of the customers move segment: their rows move, and some rows empty.
    for (const spec of customers.filter((_, i) => i % 3 === 0))
      await harness.apply(customerOf({ ...spec, segment: 'moved', factsAt: new Date(START + 86400000) }));
  }, 300000);

  afterAll(async () => {
    await harness?.stop();
  });

  const coarse = async (table: string, key: string): Promise<unknown[]> =>
    harness.dataSource.query(
      `SELECT ${key}, promoters, passives, detractors FROM "${harness.schema}".${table} ORDER BY ${key}`,
    );
  const summed = async (table: string, key: string, grain: 'week' | 'month'): Promise<unknown[]> => {
    const start = `date_trunc('${grain}', day::timestamp)::date`;
    return harness.dataSource.query(
      `SELECT ${key.replace('day', `${start} AS day`)},
         sum(promoters)::int AS promoters, sum(passives)::int AS passives, sum(detractors)::int AS detractors
       FROM "${harness.schema}".${table} GROUP BY ${key.replace('day', start)} ORDER BY ${key}`,
    );
  };

  it('keeps each week and month row equal to the sum of its days, and no emptied row', async () => {
    for (const [table, key] of [
      ['rollups', KEY],
      ['tag_rollups', `tag_id, ${KEY}`],
    ]) {
      for (const grain of ['week', 'month'] as const) {
        const rows = await coarse(`${table}_${grain}`, key);
        expect(rows.length).toBeGreaterThan(grain === 'month' ? 100 : 300);
        expect(rows).toEqual(await summed(table, key, grain));
      }
    }
    const [{ empty }] = await harness.dataSource.query(
      `SELECT count(*)::int AS empty FROM "${harness.schema}".rollups_month WHERE promoters + passives + detractors = 0`,
    );
    expect(empty).toBe(0);
    const [{ moved }] = await harness.dataSource.query(
      `SELECT count(*)::int AS moved FROM "${harness.schema}".rollups_month WHERE segment = 'moved'`,
    );
    expect(moved).toBeGreaterThan(0);
  });

  it('migrates existing day rollups into the same week and month rows', async () => {
    const tables = ['rollups_week', 'rollups_month', 'tag_rollups_week', 'tag_rollups_month'];
    const before = await Promise.all(
      tables.map((table) => coarse(table, table.startsWith('tag') ? `tag_id, ${KEY}` : KEY)),
    );
    const runner = harness.dataSource.createQueryRunner();
    try {
      const migration = new WeekAndMonthRollups1765730000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await Promise.all(
      tables.map((table) => coarse(table, table.startsWith('tag') ? `tag_id, ${KEY}` : KEY)),
    );
    expect(after).toEqual(before);
  });

  it('answers every question from months, weeks and edge days exactly as from days alone', async () => {
    const intervals = [undefined, 'day', 'week', 'month', 'quarter'] as const;
    const questions: { filter: NpsFilter; groupBy: Dimension[]; interval?: Interval }[] = [];
    for (let i = 0; i < 150; i++) {
      const from = random() < 0.15 ? undefined : addDays('2023-12-20', Math.floor(random() * DAYS));
      const to = random() < 0.15 ? undefined : addDays(from ?? '2024-01-01', Math.floor(random() * 500));
      const filter: NpsFilter = { timeZone: pick(ZONES), from, to };
      if (random() < 0.3) filter.segment = [pick(['smb', 'moved', 'enterprise'])];
      if (random() < 0.2) filter.tag = pick(['price', 'delivery']);
      const groupBy = DIMENSIONS.filter(() => random() < 0.2);
      questions.push({ filter, groupBy, interval: pick(intervals) });
    }
    let answered = 0;
    for (const { filter, groupBy, interval } of questions) {
      const days = await reader.counts(filter, groupBy, interval, 'days');
      const coarsest = await reader.counts(filter, groupBy, interval);
      expect({ filter, groupBy, interval, rows: coarsest }).toEqual({ filter, groupBy, interval, rows: days });
      if (days.length > 0) answered++;
    }
    expect(answered).toBeGreaterThan(100);
  }, 120000);
});
