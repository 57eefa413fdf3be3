import { Topics } from '@nps/contracts';
import { anEventRecord, expectEventually, serviceBed } from '@nps/testing';
import { answerOf, aResponseSpec, customerOf, type ResponseSpec } from './scoring.events';

/** `promoters`/`passives`/`detractors` answers on `day`, from customers in `segment`. */
function answers(
  prefix: string,
  day: string,
  [promoters, passives, detractors]: [number, number, number],
): ResponseSpec[] {
  const scores = [...Array(promoters).fill(9), ...Array(passives).fill(7), ...Array(detractors).fill(3)];
  return scores.map((score, i) =>
    aResponseSpec({
      responseId: `${prefix}-${i}`,
      customerId: `${prefix}-c${i % 10}`,
      score,
      answeredAt: new Date(`${day}T12:00:00Z`),
    }),
  );
}

// The NPS API over HTTP on a small history with hand-computed answers (docs/nps-statistics.md).
describe('NPS API', () => {
  const bed = serviceBed({ service: 'scoring' });

  it('answers /nps, /nps/compare and /nps/drivers with the documented statistics, and names the field of a bad query', async () => {
    const url = bed.url;
    const reader = { authorization: `Bearer ${await bed.clientToken('nps-reader')}` };
    const january = answers('jan', '2025-01-15', [50, 30, 20]);
    const february = answers('feb', '2025-02-15', [65, 25, 10]);
    // delivery.late on 12 of January's detractors and 2 of its passives.
    const tagged = [
      ...january.filter((a) => a.score === 3).slice(0, 12),
      ...january.filter((a) => a.score === 7).slice(0, 2),
    ];
    const customers = [...new Set([...january, ...february].map((a) => a.customerId))].map((customerId) =>
      customerOf({
        customerId,
        language: 'en',
        segment: customerId.startsWith('jan') ? 'smb' : 'enterprise',
        region: 'uk',
        tier: 'gold',
        accountOwnerId: '',
        accountId: '',
        factsAt: new Date('2025-01-01'),
      }),
    );
    await bed.publishRecords([
      ...customers,
      ...[...january, ...february].map(answerOf),
      ...tagged.map((a) =>
        anEventRecord(Topics.ResponseTagged, {
          customerId: a.customerId,
          responseId: a.responseId,
          tags: [{ tagId: 'delivery.late' }],
        }),
      ),
    ]);
    const json = async (path: string) => {
      const response = await fetch(`${url}${path}`, { headers: reader });
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown> & {
          rows?: Record<string, unknown>[];
          fields?: { field: string }[];
        },
      };
    };
    await expectEventually(
      async () =>
        expect((await json('/nps/drivers?from=2025-01-01&to=2025-01-31')).body).toMatchObject({ drivers: [{ n: 14 }] }),
      { timeoutMs: 60000 },
    );
    await expectEventually(async () => expect((await json('/nps')).body.rows).toMatchObject([{ n: 200 }]), {
      timeoutMs: 60000,
    });

    const monthly = await json('/nps?interval=month&timeZone=Europe/Amsterdam');
    expect(monthly.status).toBe(200);
    expect(monthly.body).toMatchObject({ timeZone: 'Europe/Amsterdam', interval: 'month', lowSampleBelow: 30 });
    const [jan, feb] = monthly.body.rows as {
      period: string;
      n: number;
      nps: number;
      standardError: number;
      marginOfError95: number;
      interval95: number[];
      lowSample: boolean;
    }[];
    expect(jan).toMatchObject({
      period: '2025-01-01',
      n: 100,
      promoters: 50,
      passives: 30,
      detractors: 20,
      promoterPct: 50,
      lowSample: false,
    });
    expect(jan.nps).toBeCloseTo(30, 4);
    expect(jan.standardError).toBeCloseTo(7.8102, 4);
    expect(jan.marginOfError95).toBeCloseTo(15.3081, 4);
    expect(jan.interval95[0]).toBeCloseTo(14.0509, 4);
    expect(jan.interval95[1]).toBeCloseTo(44.2016, 4);
    expect(feb).toMatchObject({ period: '2025-02-01', n: 100, nps: 55 });

    // Customer facts and answers travel on different topics: an answer scored before its customer's facts lands
    // in the unknown segment until the late fact moves it (docs/scoring.md), so the split is eventually right.
    await expectEventually(async () =>
      expect((await json('/nps?groupBy=segment&segment=smb,enterprise&channel=email')).body.rows).toMatchObject([
        { group: { segment: 'enterprise' }, n: 100 },
        { group: { segment: 'smb' }, n: 100 },
      ]),
    );

    const periods = await json('/nps/compare?from=2025-01-01&to=2025-01-31&versusFrom=2025-02-01&versusTo=2025-02-28');
    expect(periods.body).toMatchObject({
      first: { summary: { n: 100 } },
      second: { summary: { n: 100 } },
      change: { delta: 25, significant95: true },
    });
    const change = periods.body.change as { standardError: number; pValue: number; sentence: string };
    expect(change.standardError).toBeCloseTo(10.2835, 4);
    expect(change.pValue).toBeCloseTo(0.015, 3);
    expect(change.sentence).toMatch(/^up 25 points, significant at 95%/);
    const segments = await json('/nps/compare?segment=smb&versusSegment=enterprise');
    expect(segments.body).toMatchObject({ change: { delta: 25 } });

    const drivers = await json('/nps/drivers?from=2025-01-01&to=2025-01-31');
    const [late] = (drivers.body as { drivers: { tag: string; detractorShare: number; impact: number }[] }).drivers;
    expect(late).toMatchObject({ tag: 'delivery.late', detractorShare: 60 });
    expect(late.impact).toBeCloseTo(18.8372, 4);
    expect((await json('/nps?tag=delivery.late')).body.rows).toMatchObject([{ n: 14, detractors: 12, passives: 2 }]);

    for (const [path, field] of [
      ['/nps?interval=year', 'interval'],
      ['/nps?timeZone=Mars/Olympus', 'timeZone'],
      ['/nps?timeZone=Asia/Tokyo', 'timeZone'],
      ['/nps?from=2025-02-30', 'from'],
      ['/nps?from=2025-02-01&to=2025-01-01', 'to'],
      ['/nps?groupBy=segment,colour', 'groupBy'],
      ['/nps?channel=pigeon', 'channel'],
      ['/nps?channel=in-app', 'channel'],
      ['/nps?segmnt=smb', 'segmnt'],
      ['/nps/compare?from=2025-01-01', 'versusFrom'],
      ['/nps/drivers?tag=a,b', 'tag'],
    ]) {
      const bad = await json(path);
      expect({ path, status: bad.status }).toEqual({ path, status: 400 });
      expect(bad.body.fields?.map((f) => f.field)).toContain(field);
    }

    expect((await json('/nps?timeZone=Asia/Tokyo')).body).toMatchObject({
      code: 'TIME_ZONE_NOT_ROLLED_UP',
      fields: [{ field: 'timeZone' }],
    });

    const openApi = await json('/docs-json');
    const paths = openApi.body.paths as Record<string, { get: { parameters: { name: string }[] } }>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/nps', '/nps/compare', '/nps/drivers']));
    expect(paths['/nps'].get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'timeZone', 'interval', 'groupBy', 'segment', 'tag']),
    );
  });
});
