import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { anEvent, anEventRecord, expectEventually, serviceBed } from '@nps/testing';
import { addDays } from '../src/nps/local-day';
import { answerOf, aResponseSpec, type ResponseSpec } from './scoring.events';

const DAY_MS = 86_400_000;

/** Answers on `day` of `touchpointType`: promoters score 9, passives 7, detractors 3. */
function answers(
  prefix: string,
  day: Date,
  touchpointType: string,
  [promoters, passives, detractors]: [number, number, number],
): ResponseSpec[] {
  const scores = [...Array(detractors).fill(3), ...Array(passives).fill(7), ...Array(promoters).fill(9)];
  return scores.map((score, i) =>
    aResponseSpec({
      responseId: `${prefix}-${i}`,
      customerId: `${prefix}-c${i}`,
      score,
      answeredAt: day,
      touchpointType,
    }),
  );
}

const tagged = (answer: ResponseSpec, tagId: string) =>
  anEventRecord(Topics.ResponseTagged, {
    customerId: answer.customerId,
    responseId: answer.responseId,
    tags: [{ tagId, confidence: 0.9 }],
  });

// An improvement action's measured effect, from answers and action events on the real broker (ADR 0033).
describe('improvement action effect', () => {
  const bed = serviceBed({ service: 'scoring' });
  const releasedAt = new Date(Date.now() - 10 * DAY_MS);
  const releaseDay = releasedAt.toISOString().slice(0, 10);
  // Order deliveries: 20/10/30 before the release (NPS −16.7), delivery on 24 of the 30 detractors;
  // 40/10/10 after (NPS +50), delivery on 2 of the 10 detractors and price on 6 of them.
  const before = answers('before', new Date(releasedAt.getTime() - 5 * DAY_MS), 'order-delivered', [20, 10, 30]);
  const after = answers('after', new Date(releasedAt.getTime() + 5 * DAY_MS), 'order-delivered', [40, 10, 10]);
  // Another touchpoint, all detractors, on both sides: outside the action's scope.
  const tickets = [
    ...answers('tickets-before', new Date(releasedAt.getTime() - 4 * DAY_MS), 'ticket-closed', [0, 0, 15]),
    ...answers('tickets-after', new Date(releasedAt.getTime() + 4 * DAY_MS), 'ticket-closed', [0, 0, 15]),
  ];
  const opened = anEvent(Topics.ImprovementActionOpened, {
    improvementActionId: randomUUID(),
    title: 'Second delivery slot',
    rootCauseTagId: 'delivery',
    touchpointType: 'order-delivered',
  });
  let reader: Record<string, string>;
  const json = async (path: string) => {
    const response = await fetch(`${bed.url}${path}`, { headers: reader });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked by matchers
    return { status: response.status, body: (await response.json()) as any };
  };
  const effectPath = `/improvement-actions/${opened.improvementActionId}/effect`;

  beforeAll(async () => {
    reader = { authorization: `Bearer ${await bed.tokenFor('nina')}` };
    await bed.publishRecords([
      ...[...before, ...after, ...tickets].map(answerOf),
      ...before.slice(0, 24).map((answer) => tagged(answer, 'delivery')),
      ...after.slice(0, 2).map((answer) => tagged(answer, 'delivery')),
      ...after.slice(2, 8).map((answer) => tagged(answer, 'price')),
    ]);
    // Released before it is opened: the topics are not ordered with each other.
    await bed.publish(Topics.ImprovementActionReleased, {
      ...anEvent(Topics.ImprovementActionReleased),
      improvementActionId: opened.improvementActionId,
      releasedAt: timestampFromDate(releasedAt),
    });
    await bed.publish(Topics.ImprovementActionOpened, opened);
  }, 60000);

  it("shows the touchpoint's NPS before and after the release with the significance of the change", async () => {
    const effect = await expectEventually(
      async () => {
        const answer = await json(effectPath);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
          before: { nps: { n: 60 }, rootCause: { detractors: 24 } },
          after: { nps: { n: 60 }, rootCause: { detractors: 2 } },
        });
        return answer.body;
      },
      { timeoutMs: 60000 },
    );
    expect(effect).toMatchObject({
      improvementAction: {
        id: opened.improvementActionId,
        rootCauseTagId: 'delivery',
        touchpointType: 'order-delivered',
        segment: null,
        status: 'released',
      },
      timeZone: 'UTC',
      windowDays: 28,
      releaseDay,
      before: { from: addDays(releaseDay, -28), to: addDays(releaseDay, -1), days: 28 },
      after: { from: addDays(releaseDay, 1), to: addDays(releaseDay, 10), days: 10 },
    });
    expect(effect.before.nps.nps).toBeCloseTo(-16.6667, 4);
    expect(effect.before.nps.detractorPct).toBeCloseTo(50, 10);
    expect(effect.after.nps.nps).toBeCloseTo(50, 10);
    expect(effect.before.nps.marginOfError95).toBeGreaterThan(0);
    expect(effect.before.rootCause.detractorShare).toBeCloseTo(80, 10);
    expect(effect.after.rootCause.detractorShare).toBeCloseTo(20, 10);
    expect(effect.change.nps).toMatchObject({ significant95: true });
    expect(effect.change.nps.delta).toBeCloseTo(66.6667, 4);
    expect(effect.change.rootCauseDetractorShare).toMatchObject({ significant95: true });
    expect(effect.sentence).toMatch(
      /^NPS of order-delivered answers: -16\.7 \(n = 60, ±\d+(\.\d)?\) before → 50 \(n = 60, ±\d+(\.\d)?\) after the release: up 66\.7 points, significant at 95% \(p = 0\.\d{3}\)\. Detractors citing delivery: 80% → 20% \(significant at 95%/,
    );
    expect(effect.sentence).toContain('The after-window has 10 of 28 days so far.');

    // The very comparison /nps/compare makes of the same windows: one implementation of the statistics.
    const compared = await json(
      `/nps/compare?touchpointType=order-delivered&from=${effect.before.from}&to=${effect.before.to}` +
        `&versusFrom=${effect.after.from}&versusTo=${effect.after.to}`,
    );
    expect(effect.change.nps).toEqual(compared.body.change);

    const week = await json(`${effectPath}?windowDays=7`);
    expect(week.body).toMatchObject({
      windowDays: 7,
      before: { days: 7, nps: { n: 60 } },
      after: { days: 7, nps: { n: 60 } },
    });
  });

  it('flags the root cause rising among detractors against the previous period in /nps/drivers', async () => {
    const from = addDays(releaseDay, 1);
    const to = addDays(releaseDay, 10);
    // The first price tag makes two drivers; the others may still be on their way (nothing above waited for them).
    const answer = await expectEventually(async () => {
      const drivers = await json(`/nps/drivers?touchpointType=order-delivered&from=${from}&to=${to}`);
      expect(drivers.body.drivers).toHaveLength(2);
      const byTag = Object.fromEntries(drivers.body.drivers.map((driver: { tag: string }) => [driver.tag, driver]));
      // price: 0 of 30 detractors before → 6 of 10 after; delivery: 24 of 30 → 2 of 10.
      expect(byTag.price).toMatchObject({ previousDetractorShare: 0, detractorShareChange: 60, rising: true });
      expect(byTag.delivery).toMatchObject({ previousDetractorShare: 80, rising: false });
      expect(byTag.delivery.detractorShareChange).toBeCloseTo(-60, 10);
      return drivers.body;
    });
    expect(answer.previousPeriod).toEqual({ from: addDays(releaseDay, -9), to: releaseDay });
    const open = await json(`/nps/drivers?touchpointType=order-delivered`);
    expect(open.body.previousPeriod).toBeNull();
    expect(open.body.drivers[0]).toMatchObject({ detractorShareChange: null, rising: false });
  });

  it('ends closed whatever order the events of an action arrive in', async () => {
    const late = anEvent(Topics.ImprovementActionOpened, { touchpointType: 'order-delivered' });
    const id = late.improvementActionId;
    await bed.publish(Topics.ImprovementActionClosed, {
      ...anEvent(Topics.ImprovementActionClosed),
      improvementActionId: id,
    });
    await bed.publish(Topics.ImprovementActionReleased, {
      ...anEvent(Topics.ImprovementActionReleased),
      improvementActionId: id,
      releasedAt: timestampFromDate(releasedAt),
    });
    // Closed and released, but not opened yet: scoring does not know its scope.
    await expectEventually(async () =>
      expect(await bed.rows('SELECT status, released_at FROM improvement_actions WHERE id = $1', [id])).toEqual([
        { status: 'closed', released_at: releasedAt },
      ]),
    );
    expect((await json(`/improvement-actions/${id}/effect`)).status).toBe(404);
    await bed.publish(Topics.ImprovementActionOpened, late);
    const effect = await expectEventually(async () => {
      const answer = await json(`/improvement-actions/${id}/effect`);
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(effect).toMatchObject({
      improvementAction: { status: 'closed', rootCauseTagId: 'delivery' },
      before: { nps: { n: 60 } },
      after: { nps: { n: 60 } },
    });
  });

  it('answers 404 for an unknown action, 409 for one not released yet and 400 for a bad window', async () => {
    const unknown = await json(`/improvement-actions/${randomUUID()}/effect`);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'IMPROVEMENT_ACTION_NOT_FOUND',
    });
    const pending = anEvent(Topics.ImprovementActionOpened);
    await bed.publish(Topics.ImprovementActionOpened, pending);
    const notReleased = await expectEventually(async () => {
      const answer = await json(`/improvement-actions/${pending.improvementActionId}/effect`);
      expect(answer.status).toBe(409);
      return answer.body;
    });
    expect(notReleased).toMatchObject({ code: 'IMPROVEMENT_ACTION_NOT_RELEASED', improvementActionStatus: 'open' });
    for (const [query, field] of [
      ['windowDays=0', 'windowDays'],
      ['windowDays=two', 'windowDays'],
      ['timeZone=Mars/Olympus', 'timeZone'],
    ]) {
      const bad = await json(`${effectPath}?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await json('/improvement-actions/not-an-id/effect')).status).toBe(400);
    const agent = await fetch(`${bed.url}${effectPath}`, {
      headers: { authorization: `Bearer ${await bed.tokenFor('alice')}` },
    });
    expect(agent.status).toBe(403);
  });
});
