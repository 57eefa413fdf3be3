import { Channel } from '@nps/contracts';
import { type EventRecord, expectEventually, seededRandom, serviceBed } from '@nps/testing';
import { DateTime } from 'luxon';
import { type NpsBody } from './nps.body';
import {
  answerOf,
  customerOf,
  type CustomerSpec,
  type Recount,
  recount,
  type ResponseSpec,
  revisionOf,
} from './scoring.events';

const RESPONSES = 20000;
const CUSTOMERS = 400;
const ZONES = 'UTC,Europe/Amsterdam';
const CHANNELS = [Channel.EMAIL, Channel.SMS, Channel.WEB];
const CHANNEL_NAMES: Record<number, string> = { [Channel.EMAIL]: 'email', [Channel.SMS]: 'sms', [Channel.WEB]: 'web' };

/** A realistic mix: about 45% promoters, 30% passives, 25% detractors. */
function score(random: () => number): number {
  const roll = random();
  return roll < 0.45
    ? 9 + Math.floor(random() * 2)
    : roll < 0.75
      ? 7 + Math.floor(random() * 2)
      : Math.floor(random() * 7);
}

/** A year of answers from 400 customers; 5% of responses revised (some twice). Tags: nps-projection.int-spec.ts. */
function history(random: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const customers: CustomerSpec[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
    customerId: `c-${i}`,
    language: pick(['en', 'nl', 'de']),
    segment: pick(['consumer', 'smb', 'enterprise']),
    region: pick(['benelux', 'dach', 'uk']),
    tier: pick(['standard', 'gold', 'platinum']),
    accountOwnerId: `owner-${i % 7}`,
    accountId: '',
    factsAt: new Date('2025-01-01T00:00:00Z'),
  }));
  const start = Date.parse('2025-01-01T00:00:00Z');
  const responses: ResponseSpec[] = Array.from({ length: RESPONSES }, (_, i) => ({
    responseId: `r-${i}`,
    customerId: pick(customers).customerId,
    score: score(random),
    answeredAt: new Date(start + Math.floor(random() * 365 * 24 * 3600) * 1000),
    touchpointType: pick(['order-delivered', 'ticket-closed', 'store-visit']),
    channel: pick(CHANNELS),
    language: pick(['en', 'nl', 'de']),
    comment: '',
    revisions: [],
    tags: [],
  }));
  for (const spec of responses.slice(0, RESPONSES / 20)) {
    spec.revisions.push({ revision: 1, score: score(random) });
    if (random() < 0.1) spec.revisions.push({ revision: 2, score: score(random) });
  }
  return { customers, responses };
}

// 20,000 answers through the real broker with 5% redelivered duplicates and 5% revisions (in any
// order, some before their answer; half the customer facts arrive after the answers): the rollups
// equal a recount of the generated answers, and a replay into an emptied schema rebuilds them row
// for row.
describe('scoring at volume, and replay', () => {
  // Tracing off: it costs CPU per statement, and this test is about counts, not traces.
  const env = { ROLLUP_TIME_ZONES: ZONES, CONSUMER_PARTITIONS_CONCURRENTLY: '6', OTEL_SDK_DISABLED: 'true' };
  const bed = serviceBed({ service: 'scoring', env });
  const analyst = async () => ({ authorization: `Bearer ${await bed.tokenFor('nina')}` });

  it('keeps rollups equal to a recount and rebuilds identical rows from the topics', async () => {
    const random = seededRandom(20251123);
    const { customers, responses } = history(random);
    const records: EventRecord[] = [
      ...customers.slice(0, CUSTOMERS / 2).map(customerOf),
      ...shuffle(
        [...responses.map(answerOf), ...responses.flatMap((spec) => spec.revisions.map((_, i) => revisionOf(spec, i)))],
        random,
      ),
      ...customers.slice(CUSTOMERS / 2).map(customerOf),
    ];
    const duplicates = records.filter(() => random() < 0.05);
    const distinct = records.length;
    const delivered = shuffle([...records, ...duplicates], random);

    await bed.publishRecords(delivered);
    const inbox = async () => Number((await bed.db.query(`SELECT count(*) AS n FROM "${bed.schema}".inbox`)).rows[0].n);
    await expectEventually(async () => expect(await inbox()).toBe(distinct), { timeoutMs: 400000, intervalMs: 1000 });

    const facts = new Map(customers.map((customer) => [customer.customerId, customer]));
    const keyOf = (spec: ResponseSpec, zone: string) => {
      const customer = facts.get(spec.customerId);
      const day = DateTime.fromJSDate(spec.answeredAt, { zone }).toISODate();
      return [
        zone,
        day,
        spec.touchpointType,
        CHANNEL_NAMES[spec.channel],
        customer?.segment,
        customer?.region,
        customer?.tier,
        spec.language,
      ].join('|');
    };
    const expected = new Map<string, Recount>();
    for (const zone of ZONES.split(',')) {
      for (const [key, counts] of recount(responses, (spec) => keyOf(spec, zone))) expected.set(key, counts);
    }
    const rollups = await rows(bed.schema, 'rollups');
    expect(rollups.size).toBe(expected.size);
    expect(Object.fromEntries(rollups)).toEqual(Object.fromEntries(expected));

    // The API reads the same numbers.
    const total = [...recount(responses, () => 'all').values()][0];
    const body = (await (
      await fetch(`${bed.url}/nps?timeZone=Europe/Amsterdam`, { headers: await analyst() })
    ).json()) as NpsBody;
    expect(body.rows).toMatchObject([{ n: RESPONSES, ...total }]);
    expect(body.rows[0].nps).toBeCloseTo((100 * (total.promoters - total.detractors)) / RESPONSES, 10);

    // Replay: stop, empty the schema and forget the offsets, start again from the beginning.
    await bed.outboxDrained();
    const before = await snapshot(bed.schema);
    expect((await bed.stop('SIGTERM')).code).toBe(0);
    await bed.cli('replay');
    expect(await inbox()).toBe(0);
    await bed.start();
    await expectEventually(async () => expect(await inbox()).toBe(distinct), { timeoutMs: 400000, intervalMs: 1000 });
    expect(await snapshot(bed.schema)).toEqual(before);
  }, 900000);

  async function rows(schema: string, table: 'rollups'): Promise<Map<string, Recount>> {
    const { rows: found } = await bed.db.query(
      `SELECT concat_ws('|', zone, to_char(day, 'YYYY-MM-DD'), touchpoint_type, channel, segment, region, tier, language) AS key, promoters, passives, detractors
       FROM "${schema}".${table}`,
    );
    return new Map(
      found.map((row) => [row.key, { promoters: row.promoters, passives: row.passives, detractors: row.detractors }]),
    );
  }

  async function snapshot(schema: string): Promise<unknown[]> {
    const tables = [
      `SELECT * FROM "${schema}".rollups ORDER BY zone, day, touchpoint_type, channel, segment, region, tier, language`,
      `SELECT * FROM "${schema}".tag_rollups ORDER BY zone, tag_id, day, touchpoint_type, channel, segment, region, tier, language`,
      // Not detractor_status: it records what was published, and whether a detractor was
      // published before its revision arrived depends on the order across topics (docs/scoring.md).
      `SELECT response_id, received, revision, score, category, comment, answered_at, touchpoint_type, channel, language, segment, region, tier
       FROM "${schema}".responses ORDER BY response_id`,
      `SELECT * FROM "${schema}".response_tags ORDER BY response_id, tag_id`,
      `SELECT * FROM "${schema}".customers ORDER BY customer_id`,
    ];
    const rows: unknown[] = [];
    for (const sql of tables) rows.push((await bed.db.query(sql)).rows);
    return rows;
  }
});

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
