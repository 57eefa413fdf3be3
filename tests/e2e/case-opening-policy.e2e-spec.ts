import { expectEventually, serviceStack } from '@nps/testing';

// 10,000 by default (issue #18's acceptance); E2E_POLICY_ROWS (a multiple of 10) for a quicker run.
const ROWS = Number(process.env.E2E_POLICY_ROWS || 10_000);
// Scoring and case-management apply a few hundred answers per second on a quiet machine, far fewer on a busy one.
const SETTLE_MS = 120_000 + ROWS * 120;
const TWO_YEARS_AGO = Date.now() - 2 * 365 * 86_400_000;

/** `ROWS` answers given two years ago: scores 0–2 (30%, the detractors), else 7–10; external ids keep rows apart. */
function historicalCsv(): { csv: string; detractors: number } {
  const lines = ['customer_id,score,answered_at,language,comment,external_id'];
  let detractors = 0;
  for (let i = 0; i < ROWS; i++) {
    const score = i % 10 < 3 ? i % 3 : 7 + (i % 4);
    if (score <= 6) detractors++;
    const answeredAt = new Date(TWO_YEARS_AGO + i * 60_000).toISOString();
    lines.push(`c-${i % 1000},${score},${answeredAt},en,${score <= 6 ? 'late again' : 'fine'},row-${i}`);
  }
  return { csv: lines.join('\n'), detractors };
}

// Issue #18: importing old answers opened a case for every old detractor. Through the real import,
// scoring and case-management: a two-year-old history opens nothing and is skipped as too old;
// the same history imported with ?followUp=true opens one case per detractor.
describe('the case-opening policy, across ingestion, scoring and case-management', () => {
  const { beds, start } = serviceStack(['response-ingestion', 'scoring', 'case-management']);
  const cm = () => beds['case-management'];
  const { csv, detractors } = historicalCsv();

  const importCsv = async (query: string) => {
    const response = await fetch(`${beds['response-ingestion'].url}/imports?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${await beds['response-ingestion'].clientToken('importer')}`,
      },
      body: csv,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { accepted: number; published: number; rejected: number };
  };
  const summary = async () => {
    const response = await fetch(`${cm().url}/case-skips/summary`, {
      headers: { authorization: `Bearer ${await cm().tokenFor('nina')}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { total: number; byReason: Record<string, number> };
  };
  const count = async (sql: string) => Number((await cm().rows<{ n: string }>(sql))[0].n);

  beforeAll(async () => {
    await start();
  }, 240000);

  it(
    'skips every detractor of a two-year-old import as ANSWER_TOO_OLD and opens no case',
    async () => {
      expect(detractors).toBe((ROWS / 10) * 3);
      expect(await importCsv('importId=history-2y')).toMatchObject({ accepted: ROWS, published: ROWS, rejected: 0 });
      const skipped = await expectEventually(
        async () => {
          const now = await summary();
          expect(now.byReason.ANSWER_TOO_OLD).toBe(detractors);
          return now;
        },
        { timeoutMs: SETTLE_MS, intervalMs: 2000 },
      );
      expect(skipped).toMatchObject({ total: detractors, byReason: { SOURCE_EXCLUDED: 0, HOLDOUT: 0 } });
      await cm().outboxDrained();
      expect(await count('SELECT count(*) AS n FROM $schema.cases')).toBe(0);
      expect(await count(`SELECT count(DISTINCT response_id) AS n FROM $schema.skipped_detractors`)).toBe(detractors);
      const metrics = await (await fetch(`${cm().url}/metrics`)).text();
      expect(metrics).toMatch(
        new RegExp(`^nps_cases_skipped_total\\{[^}]*reason="ANSWER_TOO_OLD"[^}]*\\} ${detractors}$`, 'm'),
      );
    },
    SETTLE_MS + 60_000,
  );

  it(
    'opens one case per detractor for the same history imported with the explicit follow-up flag',
    async () => {
      // Response ids derive from the import id and the row (ADR 0007): a new import id is a new set of answers.
      expect(await importCsv('importId=history-2y-follow-up&followUp=true')).toMatchObject({
        accepted: ROWS,
        published: ROWS,
      });
      await expectEventually(
        async () => expect(await count('SELECT count(*) AS n FROM $schema.cases')).toBe(detractors),
        { timeoutMs: SETTLE_MS, intervalMs: 2000 },
      );
      expect(await count('SELECT count(DISTINCT response_id) AS n FROM $schema.cases')).toBe(detractors);
      expect(await count('SELECT count(*) AS n FROM $schema.cases WHERE score > 6')).toBe(0);
      expect((await summary()).total).toBe(detractors); // nothing of the second import was skipped
    },
    SETTLE_MS + 60_000,
  );
});
