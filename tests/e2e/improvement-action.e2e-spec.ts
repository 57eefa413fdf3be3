import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, Topics } from '@nps/contracts';
import {
  anEventRecord,
  expectEventually,
  freshTopicPrefix,
  serviceBed,
  sharedLocalIssuer,
  callJson,
} from '@nps/testing';

const DAY_MS = 86_400_000;

/** Answers of order deliveries on `day`, `delivery`-tagged on the first `taggedDetractors` detractors. */
function deliveries(prefix: string, day: Date, [promoters, passives, detractors]: number[], taggedDetractors: number) {
  const scores = [...Array(detractors).fill(2), ...Array(passives).fill(8), ...Array(promoters).fill(10)];
  return scores.flatMap((score, i) => {
    const ids = { customerId: `${prefix}-c${i}`, responseId: `${prefix}-${i}` };
    const answer = anEventRecord(Topics.ResponseReceived, {
      ...ids,
      score,
      touchpointId: `tp-${prefix}-${i}`,
      touchpointType: 'order-delivered',
      channel: Channel.EMAIL,
      language: 'en',
      comment: '',
      answeredAt: timestampFromDate(day),
      occurredAt: timestampFromDate(day),
    });
    const tags =
      i < taggedDetractors ? [anEventRecord(Topics.ResponseTagged, { ...ids, tags: [{ tagId: 'delivery' }] })] : [];
    return [answer, ...tags];
  });
}

// The outer loop across two service processes: a lead tracks a fix in case-management, an analyst
// reads its effect in scoring, which learns of it only from the improvement-action events (ADR 0033).
describe('an improvement action, from case-management to its measured effect in scoring', () => {
  const topicPrefix = freshTopicPrefix();
  const issuer = sharedLocalIssuer();
  const cases = serviceBed({
    service: 'case-management',
    topicPrefix,
    autoStart: false,
    readyTimeoutMs: 150000,
    issuer,
  });
  const scoring = serviceBed({ service: 'scoring', topicPrefix, autoStart: false, readyTimeoutMs: 150000, issuer });

  beforeAll(async () => {
    await Promise.all([cases.start(), scoring.start()]);
  }, 180000);

  it('opens and releases the action over the API, and scoring shows NPS before and after with its significance', async () => {
    const releasedAt = new Date(Date.now() - 10 * DAY_MS);
    await scoring.publishRecords([
      ...deliveries('before', new Date(releasedAt.getTime() - 6 * DAY_MS), [30, 20, 50], 40),
      ...deliveries('after', new Date(releasedAt.getTime() + 3 * DAY_MS), [60, 20, 20], 4),
    ]);
    const lead = await cases.tokenFor('lena');
    const analyst = await scoring.tokenFor('nina');
    const opened = await callJson(cases.url, 'POST', '/improvement-actions', lead, {
      title: 'Evening delivery slots',
      rootCauseTagId: 'delivery',
      touchpointType: 'order-delivered',
    });
    expect(opened.status).toBe(201);
    const id: string = opened.body.id;
    const effectPath = `/improvement-actions/${id}/effect`;

    // Opened but not released: scoring knows it, and there is nothing to measure yet.
    const pending = await expectEventually(async () => {
      const answer = await callJson(scoring.url, 'GET', effectPath, analyst);
      expect(answer.status).toBe(409);
      return answer.body;
    });
    expect(pending.code).toBe('IMPROVEMENT_ACTION_NOT_RELEASED');

    const released = await callJson(cases.url, 'POST', `/improvement-actions/${id}/release`, lead, {
      releasedAt: releasedAt.toISOString(),
    });
    expect(released.body).toMatchObject({ status: 'released', releasedAt: releasedAt.toISOString() });

    const effect = await expectEventually(
      async () => {
        const answer = await callJson(scoring.url, 'GET', effectPath, analyst);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ before: { nps: { n: 100 } }, after: { nps: { n: 100 } } });
        // The tags travel on another topic than the answers: wait for them too.
        expect(answer.body.before.rootCause.detractorShare).toBeCloseTo(80, 10);
        expect(answer.body.after.rootCause.detractorShare).toBeCloseTo(20, 10);
        return answer.body;
      },
      { timeoutMs: 60000 },
    );
    // 30/20/50 → 60/20/20: NPS −20 → +40; delivery on 40 of 50 detractors → 4 of 20.
    expect(effect.before.nps.nps).toBeCloseTo(-20, 10);
    expect(effect.after.nps.nps).toBeCloseTo(40, 10);
    expect(effect.change.nps).toMatchObject({ significant95: true });
    expect(effect.sentence).toMatch(
      /^NPS of order-delivered answers: -20 \(n = 100, .*\) before → 40 \(n = 100, .*\) after/,
    );
    expect(effect.sentence).toMatch(/up 60 points, significant at 95% \(p = 0\.\d{3}\)/);

    const closed = await callJson(cases.url, 'POST', `/improvement-actions/${id}/close`, lead, { note: 'NPS up 60' });
    expect(closed.body.status).toBe('closed');
    await expectEventually(async () =>
      expect((await callJson(scoring.url, 'GET', effectPath, analyst)).body.improvementAction.status).toBe('closed'),
    );
  });
});
