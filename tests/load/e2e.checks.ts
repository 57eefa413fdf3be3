import type { Client } from 'pg';
import type { AnswerMix } from './e2e.answers';
import { type LoopService, ROLLUP_ZONES } from './e2e.stack';

/** One check of the loop's end state: passed when `actual` is `expected`. */
export interface Check {
  name: string;
  expected: number | string;
  actual: number | string;
  passed: boolean;
}

const check = (name: string, expected: number | string, actual: number | string): Check => ({
  name,
  expected,
  actual,
  passed: expected === actual,
});

/**
 * What the loop must hold once every phase is through, for `sent` answers in all: every accepted
 * answer stored and scored; each detractor exactly one case and no case for anything else, with the
 * tags of its response; the rollups of each zone and grain equal to a recount of scoring's responses.
 */
export async function loopChecks(db: Client, schemas: Record<LoopService, string>, sent: AnswerMix): Promise<Check[]> {
  const { 'response-ingestion': ingestion, scoring, 'case-management': cases } = schemas;
  const one = async (sql: string): Promise<number> => Number((await db.query(sql)).rows[0].n);
  const detractors = `SELECT response_id FROM "${scoring}".responses WHERE received AND category = 'detractor'`;
  return [
    check(
      'answers stored by response-ingestion = sent',
      sent.answers,
      await one(`SELECT count(*) AS n FROM "${ingestion}".responses`),
    ),
    check(
      'answers scored = sent (nothing lost)',
      sent.answers,
      await one(`SELECT count(*) AS n FROM "${scoring}".responses WHERE received`),
    ),
    check(
      'detractors scored = detractors sent',
      sent.detractors,
      await one(`SELECT count(*) AS n FROM (${detractors}) d`),
    ),
    check(
      'detractors without a case',
      0,
      await one(
        `SELECT count(*) AS n FROM (${detractors}) d LEFT JOIN "${cases}".cases c USING (response_id) WHERE c.id IS NULL`,
      ),
    ),
    check(
      'responses with more than one case',
      0,
      await one(
        `SELECT count(*) AS n FROM (SELECT response_id FROM "${cases}".cases GROUP BY 1 HAVING count(*) > 1) x`,
      ),
    ),
    check(
      'cases of no scored detractor',
      0,
      await one(`SELECT count(*) AS n FROM "${cases}".cases c WHERE c.response_id NOT IN (${detractors})`),
    ),
    // A case opened while its response's tags were being stored must still get them (ADR 0047, 0048).
    check(
      'cases without the tags their response was given',
      0,
      await one(
        `SELECT count(*) AS n FROM "${cases}".cases c JOIN "${cases}".response_enrichments e USING (response_id)
         WHERE ARRAY(SELECT unnest(c.tag_ids) ORDER BY 1) IS DISTINCT FROM ARRAY(SELECT unnest(e.tag_ids) ORDER BY 1)`,
      ),
    ),
    ...(await rollupChecks(db, scoring)),
  ];
}

/**
 * Per rolled-up zone, the promoters/passives/detractors of the day, week and month rollups summed,
 * against a count of scoring's received responses by category; and per zone and local day, the
 * day rollups against the responses answered that day.
 */
async function rollupChecks(db: Client, scoring: string): Promise<Check[]> {
  const recount = `SELECT count(*) FILTER (WHERE category = 'promoter') AS p, count(*) FILTER (WHERE category = 'passive') AS s,
    count(*) FILTER (WHERE category = 'detractor') AS d FROM "${scoring}".responses WHERE received AND category IS NOT NULL`;
  const { rows: counted } = await db.query(recount);
  const expected = `${counted[0].p}/${counted[0].s}/${counted[0].d}`;
  const checks: Check[] = [];
  for (const table of ['rollups', 'rollups_week', 'rollups_month']) {
    const { rows } = await db.query(
      `SELECT zone, sum(promoters)::int AS p, sum(passives)::int AS s, sum(detractors)::int AS d FROM "${scoring}".${table} GROUP BY zone`,
    );
    const byZone = new Map(rows.map((row) => [row.zone as string, `${row.p}/${row.s}/${row.d}`]));
    for (const zone of ROLLUP_ZONES)
      checks.push(
        check(`${table} ${zone}: promoters/passives/detractors = recount`, expected, byZone.get(zone) ?? 'none'),
      );
    checks.push(check(`${table}: zones`, ROLLUP_ZONES.length, byZone.size));
  }
  const { rows: days } = await db.query(
    `WITH rolled AS (
       SELECT zone, day::text AS day, sum(promoters)::int AS p, sum(passives)::int AS s, sum(detractors)::int AS d
       FROM "${scoring}".rollups GROUP BY 1, 2),
     counted AS (
       SELECT z.zone, to_char(r.answered_at AT TIME ZONE z.zone, 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE r.category = 'promoter')::int AS p, count(*) FILTER (WHERE r.category = 'passive')::int AS s,
         count(*) FILTER (WHERE r.category = 'detractor')::int AS d
       FROM "${scoring}".responses r CROSS JOIN unnest($1::text[]) AS z(zone)
       WHERE r.received AND r.category IS NOT NULL GROUP BY 1, 2)
     SELECT count(*)::int AS differing, (SELECT count(*)::int FROM counted) AS zone_days
     FROM rolled FULL JOIN counted USING (zone, day)
     WHERE rolled.p IS DISTINCT FROM counted.p OR rolled.s IS DISTINCT FROM counted.s OR rolled.d IS DISTINCT FROM counted.d`,
    [ROLLUP_ZONES],
  );
  checks.push(check(`rollups: zone-days differing from a recount (of ${days[0].zone_days})`, 0, days[0].differing));
  return checks;
}

/** The checks as lines for stdout. */
export function checkLines(checks: Check[]): string[] {
  return checks.map(
    (c) => `${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.actual}${c.passed ? '' : ` (expected ${c.expected})`}`,
  );
}
