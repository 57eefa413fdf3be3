import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import {
  anEvent,
  anEventRecord,
  callJson,
  type EventRecord,
  expectEventually,
  OpenApiAnswers,
  serviceBed,
} from '@nps/testing';
import { recoveryEvents } from './recovery.events';
import { answerOf, aResponseSpec, customerOf, type ResponseSpec } from './scoring.events';

const DAY_MS = 86_400_000;

/** `[promoters, passives, detractors]` answers (9, 7, 3) at `answeredAt` from customers `<prefix>-c<i % 10>`. */
function answers(
  prefix: string,
  answeredAt: Date,
  [promoters, passives, detractors]: [number, number, number],
  touchpointType = 'order-delivered',
): ResponseSpec[] {
  const scores = [...Array(detractors).fill(3), ...Array(passives).fill(7), ...Array(promoters).fill(9)];
  return scores.map((score, i) =>
    aResponseSpec({
      responseId: `${prefix}-${i}`,
      customerId: `${prefix}-c${i % 10}`,
      score,
      answeredAt,
      touchpointType,
    }),
  );
}

const tagged = (answer: ResponseSpec, tagId: string): EventRecord =>
  anEventRecord(Topics.ResponseTagged, {
    customerId: answer.customerId,
    responseId: answer.responseId,
    tags: [{ tagId, confidence: 0.9 }],
  });

/** The customers of `specs` in `segment`, of B2B `accountId` ('' for none). */
const customers = (specs: ResponseSpec[], segment: string, accountId = ''): EventRecord[] =>
  [...new Set(specs.map((spec) => spec.customerId))].map((customerId) =>
    customerOf({
      customerId,
      language: 'en',
      segment,
      region: 'uk',
      tier: 'gold',
      accountOwnerId: '',
      accountId,
      factsAt: new Date('2025-01-01T00:00:00Z'),
    }),
  );

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the scoring API against their OpenAPI schemas', () => {
  const bed = serviceBed({ service: 'scoring' });
  let api: OpenApiAnswers;
  let analyst: string;

  beforeAll(async () => {
    analyst = await bed.tokenFor('nina');
    api = await OpenApiAnswers.of(bed.url);
  });

  it('NPS: totals, per interval and group (tags too), comparisons and drivers', async () => {
    // smb in January and February (delivery.late on some detractors), one account; all-promoter and all-detractor
    // segments in March, so a comparison of the two has no standard error.
    const january = answers('jan', new Date('2025-01-15T12:00:00Z'), [50, 30, 20]);
    const february = answers('feb', new Date('2025-02-15T12:00:00Z'), [65, 25, 10]);
    const delighted = answers('pro', new Date('2025-03-10T12:00:00Z'), [5, 0, 0]);
    const furious = answers('det', new Date('2025-03-10T12:00:00Z'), [0, 0, 5]);
    await bed.publishRecords([
      ...customers(january, 'smb', 'acme'),
      ...customers(february, 'smb', 'globex'),
      ...customers(delighted, 'delighted'),
      ...customers(furious, 'furious'),
      ...[...january, ...february, ...delighted, ...furious].map(answerOf),
      ...january.slice(0, 12).map((answer) => tagged(answer, 'delivery.late')),
      ...february.slice(0, 2).map((answer) => tagged(answer, 'delivery.late')),
      ...january.slice(20, 24).map((answer) => tagged(answer, 'price')),
    ]);
    await expectEventually(
      async () => {
        const { body } = await callJson(bed.url, 'GET', '/nps/drivers', analyst);
        expect(body.overall?.n).toBe(210);
        expect(body.drivers).toHaveLength(2);
        // Facts that arrive after their answers move them to their segment: wait until every answer has moved.
        const segments = await callJson(bed.url, 'GET', '/nps?groupBy=segment', analyst);
        const counted = segments.body.rows.map((row: { group: { segment: string }; n: number }) => [
          row.group.segment,
          row.n,
        ]);
        expect(counted).toEqual([
          ['delighted', 5],
          ['furious', 5],
          ['smb', 200],
        ]);
      },
      { timeoutMs: 60000 },
    );

    expect((await api.call(analyst, 'GET /nps')).body.rows).toMatchObject([{ n: 210, period: null, group: {} }]);
    const monthly = await api.call(analyst, 'GET /nps', {
      query: '?interval=month&groupBy=segment,channel&timeZone=Europe/Amsterdam',
    });
    expect(monthly.body.rows[0]).toMatchObject({ period: '2025-01-01', group: { segment: 'smb', channel: 'email' } });
    const weekly = await api.call(analyst, 'GET /nps', { query: '?interval=week&from=2025-01-01&to=2025-02-28' });
    expect(weekly.body.rows).toHaveLength(2);
    const byTag = await api.call(analyst, 'GET /nps', { query: '?groupBy=tag,touchpointType,region,tier,language' });
    expect(byTag.body.rows.map((row: { group: { tag: string } }) => row.group.tag)).toEqual(['delivery.late', 'price']);
    await api.call(analyst, 'GET /nps', { query: '?interval=quarter&tag=delivery.late' });
    expect((await api.call(analyst, 'GET /nps', { query: '?from=2024-01-01&to=2024-01-31' })).body.rows).toEqual([]);

    const periods = await api.call(analyst, 'GET /nps/compare', {
      query: '?from=2025-01-01&to=2025-01-31&versusFrom=2025-02-01&versusTo=2025-02-28&segment=smb&channel=email',
    });
    expect(periods.body.change).toMatchObject({ delta: 25 });
    const extremes = await api.call(analyst, 'GET /nps/compare', { query: '?segment=delighted&versusSegment=furious' });
    // ±Infinity in JSON is null: both sides have a standard error of 0.
    expect(extremes.body.change).toMatchObject({ delta: -200, standardError: 0, z: null });
    const empty = await api.call(analyst, 'GET /nps/compare', { query: '?versusFrom=2024-01-01&versusTo=2024-01-31' });
    expect(empty.body).toMatchObject({ second: { summary: null }, change: null });

    const rising = await api.call(analyst, 'GET /nps/drivers', { query: '?from=2025-02-01&to=2025-02-28' });
    expect(rising.body.previousPeriod).toEqual({ from: '2025-01-04', to: '2025-01-31' });
    expect(rising.body.drivers[0].previousDetractorShare).not.toBeNull();
    const open = await api.call(analyst, 'GET /nps/drivers');
    expect(open.body).toMatchObject({ previousPeriod: null, drivers: [{ detractorShareChange: null }, {}] });
    const none = await api.call(analyst, 'GET /nps/drivers', { query: '?from=2024-01-01&to=2024-01-31' });
    expect(none.body).toMatchObject({ overall: null, drivers: [] });

    const accounts = await api.call(analyst, 'GET /nps/accounts', { query: '?from=2025-01-01&to=2025-02-28' });
    expect(accounts.body.rows.map((row: { accountId: string }) => row.accountId)).toEqual(['acme', 'globex']);
    expect((await api.call(analyst, 'GET /nps/accounts')).body.rows).toEqual([]);
  }, 120000);

  it('recovery: overall, per team and per root cause, with and without an uplift', async () => {
    const team = 'care-openapi';
    // [first score, re-survey score, followed up or held out, tagged]: 3 followed up, 3 held out, one untagged.
    const measurements: [number, number, 'followed-up' | 'holdout', boolean][] = [
      [2, 7, 'followed-up', true],
      [5, 8, 'followed-up', true],
      [0, 6, 'followed-up', false],
      [3, 4, 'holdout', true],
      [6, 5, 'holdout', true],
      [4, 4, 'holdout', true],
    ];
    const recovery = recoveryEvents(bed, { team, tag: 'delivery.late' });
    for (const [first, again, group, withTag] of measurements) {
      const customerId = `recovery-${randomUUID().slice(0, 8)}`;
      const responseId = await recovery.detractor(customerId, first, withTag);
      await (group === 'followed-up' ? recovery.opened : recovery.heldOut)(customerId, responseId, first);
      await recovery.resurveyed(customerId, responseId, again);
    }
    await expectEventually(
      async () => {
        const { body } = await callJson(bed.url, 'GET', '/nps/recovery', analyst);
        expect(body.rows).toMatchObject([{ followedUp: { n: 3 }, holdout: { n: 3 } }]);
      },
      { timeoutMs: 60000 },
    );

    const overall = await api.call(analyst, 'GET /nps/recovery');
    expect(overall.body).toMatchObject({ from: null, to: null, groupBy: null, rows: [{ group: {} }] });
    expect(overall.body.rows[0].uplift.df).toBeGreaterThan(0);
    await api.call(analyst, 'GET /nps/recovery', { query: '?groupBy=team&from=2020-01-01&timeZone=Europe/London' });
    const byCause = await api.call(analyst, 'GET /nps/recovery', { query: '?groupBy=rootCause' });
    // The untagged answer: a group of its own, one measurement, so no SD and no uplift.
    expect(byCause.body.rows).toMatchObject([
      { group: { rootCause: 'delivery.late' } },
      { group: { rootCause: null }, followedUp: { n: 1, sd: null }, holdout: null, uplift: null },
    ]);
  }, 120000);

  it('improvement effects: an action released ten days ago, and one released today', async () => {
    const releasedAt = new Date(Date.now() - 10 * DAY_MS);
    const before = answers('effect-before', new Date(releasedAt.getTime() - 5 * DAY_MS), [20, 10, 30], 'ticket-closed');
    const after = answers('effect-after', new Date(releasedAt.getTime() + 5 * DAY_MS), [40, 10, 10], 'ticket-closed');
    const actions = [releasedAt, new Date()].map((at) => ({
      opened: anEvent(Topics.ImprovementActionOpened, {
        improvementActionId: randomUUID(),
        title: 'Second delivery slot',
        rootCauseTagId: 'delivery',
        touchpointType: 'ticket-closed',
      }),
      releasedAt: at,
    }));
    await bed.publishRecords([
      ...[...before, ...after].map(answerOf),
      ...before.slice(0, 24).map((answer) => tagged(answer, 'delivery')),
      ...after.slice(0, 2).map((answer) => tagged(answer, 'delivery')),
    ]);
    for (const { opened, releasedAt: at } of actions) {
      await bed.publish(Topics.ImprovementActionOpened, opened);
      await bed.publish(Topics.ImprovementActionReleased, {
        ...anEvent(Topics.ImprovementActionReleased),
        improvementActionId: opened.improvementActionId,
        releasedAt: timestampFromDate(at),
      });
    }
    const [tenDaysAgo, today] = actions.map(({ opened }) => ({ id: opened.improvementActionId as string }));
    await expectEventually(
      async () => {
        const { body } = await callJson(
          bed.url,
          'GET',
          `/improvement-actions/${today.id}/effect?windowDays=14`,
          analyst,
        );
        expect(body.before?.nps?.n).toBe(after.length);
        const earlier = await callJson(bed.url, 'GET', `/improvement-actions/${tenDaysAgo.id}/effect`, analyst);
        // Both windows complete: records of other partitions may be scored after these.
        expect([earlier.body.before?.nps?.n, earlier.body.after?.nps?.n]).toEqual([before.length, after.length]);
      },
      { timeoutMs: 60000 },
    );

    const measured = await api.call(analyst, 'GET /improvement-actions/{id}/effect', { params: tenDaysAgo });
    expect(measured.body.change).toMatchObject({ nps: { significant95: true }, rootCauseDetractorShare: {} });
    const justReleased = await api.call(analyst, 'GET /improvement-actions/{id}/effect', {
      params: today,
      query: '?windowDays=14&timeZone=UTC',
    });
    // Without a window after, the window before is still measured: a summary, not a /nps row with period and group.
    expect(justReleased.body).toMatchObject({
      after: { from: null, to: null, days: 0, nps: null },
      before: { nps: { n: 60 } },
      change: { nps: null, rootCauseDetractorShare: null },
    });
    expect(justReleased.body.before.nps).not.toHaveProperty('period');
  }, 120000);

  it('called every route that answers JSON', () => {
    expect(api.uncalled()).toEqual([]);
  });
});
