import { FollowUpGroup, Topics } from '@nps/contracts';
import { anEvent, serviceBed } from '@nps/testing';
import { randomUUID } from 'node:crypto';
import { recoveryEvents } from './recovery.events';

// CaseOpened / CaseSkipped(HOLDOUT) + the re-survey's ResponseReceived (either order) → one RecoveryMeasured, and
// GET /nps/recovery with the uplift per team and root cause.
describe('recovery measured against a holdout', () => {
  const bed = serviceBed({ service: 'scoring' });
  const kafka = bed.probe(Topics.RecoveryMeasured);
  const team = `care-${randomUUID().slice(0, 6)}`;
  const tag = `delivery.late-${randomUUID().slice(0, 6)}`;
  const as = async (person: string) => ({ authorization: `Bearer ${await bed.tokenFor(person)}` });
  const get = async (path: string, person = 'nina') => {
    const response = await fetch(`${bed.url}${path}`, { headers: await as(person) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked by matchers
    return { status: response.status, body: (await response.json()) as any };
  };

  const { detractor, opened, heldOut, resurveyed } = recoveryEvents(bed, { team, tag });
  const measuredFor = (responseId: string) =>
    kafka.eventually(Topics.RecoveryMeasured, (e) => e.responseId === responseId).then(([e]) => e.message);

  it('measures a followed-up detractor once, from the first score to the re-survey score', async () => {
    const customerId = `c-${randomUUID().slice(0, 8)}`;
    const responseId = await detractor(customerId, 3);
    const caseId = randomUUID();
    await opened(customerId, responseId, 3, caseId);
    const recoveryResponseId = randomUUID();
    await resurveyed(customerId, responseId, 9, recoveryResponseId);
    await resurveyed(customerId, responseId, 9, recoveryResponseId); // the same answer, announced again

    const measured = await measuredFor(responseId);
    expect(measured).toMatchObject({
      customerId,
      recoveryResponseId,
      firstScore: 3,
      recoveryScore: 9,
      group: FollowUpGroup.FOLLOWED_UP,
      caseId,
      teamId: team,
    });
    await bed.outboxDrained();
    expect(kafka.events(Topics.RecoveryMeasured).filter((e) => e.message.responseId === responseId)).toHaveLength(1);
  });

  it('measures a held-out detractor whose re-survey answer arrived before the holdout decision', async () => {
    const customerId = `c-${randomUUID().slice(0, 8)}`;
    const responseId = await detractor(customerId, 4);
    await resurveyed(customerId, responseId, 5);
    await bed.outboxDrained();
    expect(kafka.events(Topics.RecoveryMeasured).filter((e) => e.message.responseId === responseId)).toHaveLength(0);

    await heldOut(customerId, responseId, 4);

    expect(await measuredFor(responseId)).toMatchObject({
      firstScore: 4,
      recoveryScore: 5,
      group: FollowUpGroup.HOLDOUT,
      caseId: '',
      teamId: team,
    });
  });

  it('measures follow-ups that arrive together once each, by the first announcement of a case', async () => {
    const customerId = `c-${randomUUID().slice(0, 8)}`;
    // Untagged, and below in a team of its own: the uplift test counts the shared team's and tag's measurements.
    const responses = [
      await detractor(customerId, 2, false),
      await detractor(customerId, 3, false),
      await detractor(customerId, 4, false),
    ];
    for (const [i, responseId] of responses.entries()) await resurveyed(customerId, responseId, 7 + i);
    await bed.outboxDrained();
    const caseIds = responses.map(() => randomUUID());
    const teamId = `batch-${randomUUID().slice(0, 6)}`;
    const caseOpened = (i: number, team = teamId) =>
      anEvent(Topics.CaseOpened, {
        customerId,
        responseId: responses[i],
        caseId: caseIds[i],
        teamId: team,
        score: 2 + i,
      });
    // Keyed by case id: the second announcement of case 1 follows the first on its partition; the first one counts.
    await bed.publish(Topics.CaseOpened, [caseOpened(0), caseOpened(1), caseOpened(1, 'another-team'), caseOpened(2)]);

    for (const [i, responseId] of responses.entries())
      expect(await measuredFor(responseId)).toMatchObject({
        firstScore: 2 + i,
        recoveryScore: 7 + i,
        group: FollowUpGroup.FOLLOWED_UP,
        caseId: caseIds[i],
        teamId,
      });
    await bed.outboxDrained();
    for (const responseId of responses)
      expect(kafka.events(Topics.RecoveryMeasured).filter((e) => e.message.responseId === responseId)).toHaveLength(1);
  });

  it('GET /nps/recovery: the uplift of followed-up over holdout per team and root cause, with Welch statistics', async () => {
    // Followed up: +5, +3, +6 (and +6 above); holdout: +1, -1 (and +1 above).
    const cases: [number, number, 'f' | 'h', boolean][] = [
      [2, 7, 'f', true],
      [5, 8, 'f', true],
      [0, 6, 'f', false],
      [3, 4, 'h', true],
      [6, 5, 'h', false],
    ];
    for (const [first, again, arm, tagged] of cases) {
      const customerId = `c-${randomUUID().slice(0, 8)}`;
      const responseId = await detractor(customerId, first, tagged);
      await (arm === 'f' ? opened : heldOut)(customerId, responseId, first);
      await resurveyed(customerId, responseId, again);
      await measuredFor(responseId);
    }

    const byTeam = await get('/nps/recovery?groupBy=team');
    expect(byTeam.status).toBe(200);
    const row = byTeam.body.rows.find((r: { group: { team: string } }) => r.group.team === team);
    expect(row.followedUp).toMatchObject({ n: 4, meanChange: 5 });
    expect(row.holdout).toMatchObject({ n: 3, meanChange: 1 / 3 });
    expect(row.uplift.uplift).toBeCloseTo(14 / 3, 10);
    expect(row.uplift.interval95[0]).toBeLessThan(row.uplift.uplift);
    expect(row.uplift.sentence).toMatch(/^followed up vs holdout: up 4\.7 points, (not )?significant at 95% \(p = /);

    const byCause = await get('/nps/recovery?groupBy=rootCause');
    const tagged = byCause.body.rows.find((r: { group: { rootCause: string } }) => r.group.rootCause === tag);
    expect(tagged.followedUp.n).toBe(3);
    expect(tagged.holdout.n).toBe(2);
    expect(byCause.body.rows.some((r: { group: { rootCause: string | null } }) => r.group.rootCause === null)).toBe(
      true,
    );
    const future = await get('/nps/recovery?from=2999-01-01');
    expect(future.body.rows).toEqual([]);
  });

  it('refuses bad questions with a 400 naming the field, and people outside analyst/lead/admin', async () => {
    const wrongGroup = await get('/nps/recovery?groupBy=segment');
    expect(wrongGroup.status).toBe(400);
    expect(wrongGroup.body.fields).toEqual([expect.objectContaining({ field: 'groupBy' })]);
    const reversed = await get('/nps/recovery?from=2026-02-01&to=2026-01-01');
    expect(reversed).toMatchObject({ status: 400, body: { code: 'PERIOD_REVERSED' } });
    expect((await get('/nps/recovery', 'alice')).status).toBe(403);
    expect((await get('/nps/recovery', 'lena')).status).toBe(200);
  });
});
