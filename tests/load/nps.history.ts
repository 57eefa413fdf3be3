// Two years of NPS history straight into a scoring schema, for the benchmarks that read it
// (tests/load/nps.bench.ts: the API; tests/load/dashboard.bench.ts: the ops console's dashboard).
import type { Client } from 'pg';

/** 2024-01-01 to 2025-12-31. */
export const DAYS = 731;
export const TAGS = ['delivery.late', 'price.high', 'support.slow', 'product.quality', 'staff.friendly'];

const DIMENSIONS = 'touchpoint_type, channel, segment, region, tier, language';

/**
 * Day rollups as 5,000,000 answers spread uniformly over the 731 days would leave them: a row per
 * day and combination of three values of each dimension (731 × 729), about 9.4 answers each at
 * 45/30/25, and tag rows for about a fifth of the answers over five tags.
 */
export async function generateRollups(
  db: Client,
  schema: string,
  { responses, zone }: { responses: number; zone: string },
): Promise<void> {
  const perRow = responses / (DAYS * 729);
  // A count of mean m as floor(random() · 2m + 0.5) at the benchmark's size (perRow ≈ 9.4, as bench:nps has
  // always drawn it); below about one answer a row that rounds every count to 0, so a small run
  // (BENCH_RESPONSES=50000) draws floor(random() · 2m + random()), which keeps the mean m at any size.
  const count = (mean: number) => `floor(random() * ${2 * mean} + ${perRow < 2 ? 'random()' : '0.5'})::int`;
  const values = (name: string, items: string[]) =>
    `unnest(ARRAY[${items.map((item) => `'${item}'`).join(', ')}]) AS ${name}`;
  await db.query(`SELECT setseed(0.5)`);
  await db.query(
    `INSERT INTO "${schema}".rollups (zone, day, ${DIMENSIONS}, promoters, passives, detractors)
     SELECT * FROM (
       SELECT $1::text, day::date, touchpoint_type, channel, segment, region, tier, language,
         ${count(0.45 * perRow)} AS promoters,
         ${count(0.3 * perRow)} AS passives,
         ${count(0.25 * perRow)} AS detractors
       FROM generate_series('2024-01-01'::date, '2024-01-01'::date + ${DAYS - 1}, '1 day') AS day,
         ${values('touchpoint_type', ['order-delivered', 'ticket-closed', 'store-visit'])},
         ${values('channel', ['email', 'sms', 'web'])}, ${values('segment', ['consumer', 'smb', 'enterprise'])},
         ${values('region', ['benelux', 'dach', 'uk'])}, ${values('tier', ['standard', 'gold', 'platinum'])},
         ${values('language', ['en', 'nl', 'de'])}) counted
     WHERE promoters + passives + detractors > 0`,
    [zone],
  );
  await db.query(
    `INSERT INTO "${schema}".tag_rollups (zone, tag_id, day, ${DIMENSIONS}, promoters, passives, detractors)
     SELECT * FROM (
       SELECT zone, tag_id, day, ${DIMENSIONS}, ${count((0.45 * perRow) / 8)} AS promoters,
         ${count((0.3 * perRow) / 8)} AS passives,
         ${count((0.25 * perRow) / 8)} AS detractors
       FROM "${schema}".rollups, unnest($1::text[]) AS tag_id WHERE random() < 0.6) counted
     WHERE promoters + passives + detractors > 0`,
    [TAGS],
  );
}

/** The week and month rollups, summed from the day ones as the migration that added them does. */
export async function sumCoarseRollups(db: Client, schema: string): Promise<void> {
  const sums = 'sum(promoters)::int, sum(passives)::int, sum(detractors)::int';
  for (const grain of ['week', 'month']) {
    const start = `date_trunc('${grain}', day::timestamp)::date`;
    await db.query(
      `INSERT INTO "${schema}".rollups_${grain} (zone, day, ${DIMENSIONS}, promoters, passives, detractors)
       SELECT zone, ${start}, ${DIMENSIONS}, ${sums} FROM "${schema}".rollups GROUP BY 1, 2, ${DIMENSIONS}`,
    );
    await db.query(
      `INSERT INTO "${schema}".tag_rollups_${grain} (zone, tag_id, day, ${DIMENSIONS}, promoters, passives, detractors)
       SELECT zone, tag_id, ${start}, ${DIMENSIONS}, ${sums} FROM "${schema}".tag_rollups GROUP BY 1, 2, 3, ${DIMENSIONS}`,
    );
  }
  const tables = ['rollups', 'tag_rollups'].flatMap((table) => [table, `${table}_week`, `${table}_month`]);
  await db.query(tables.map((table) => `ANALYZE "${schema}".${table}`).join('; '));
}
