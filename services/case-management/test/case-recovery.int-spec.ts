import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { FollowUpGroup, Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';

// RecoveryMeasured of a followed-up case → its first and re-survey scores on GET /cases/:id; holdout measurements
// (no case) change nothing.
describe('the recovery of a case', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let service: ServiceInstance;
  let admin: string;

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    admin = await issuer.token('adam');
  }, 120000);

  async function openCase(): Promise<{ caseId: string; responseId: string; customerId: string }> {
    const detractor = anEvent(Topics.DetractorIdentified, { score: 2 });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    const caseId = await expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
    return { caseId, responseId: detractor.responseId as string, customerId: detractor.customerId as string };
  }

  it('shows the first score, the re-survey score and when it was measured on the case, once', async () => {
    const { caseId, responseId, customerId } = await openCase();
    const before = await callJson(service.url, 'GET', `/cases/${caseId}`, admin);
    expect(before.status).toBe(200);
    expect(before.body.recovery).toBeNull();
    const measuredAt = new Date('2026-12-01T10:00:00Z');
    const measured = anEvent(Topics.RecoveryMeasured, {
      customerId,
      responseId,
      caseId,
      group: FollowUpGroup.FOLLOWED_UP,
      firstScore: 2,
      recoveryScore: 9,
      occurredAt: timestampFromDate(measuredAt),
    });
    await bed.publish(Topics.RecoveryMeasured, [measured]);
    // A second measurement of the same case (a replay from elsewhere) does not overwrite the first.
    const again = anEvent(Topics.RecoveryMeasured, {
      customerId,
      responseId,
      caseId,
      group: FollowUpGroup.FOLLOWED_UP,
      recoveryScore: 1,
    });
    await bed.publish(Topics.RecoveryMeasured, [again]);

    const after = await expectEventually(async () => {
      const answer = await callJson(service.url, 'GET', `/cases/${caseId}`, admin);
      expect(answer.body.recovery).not.toBeNull();
      return answer;
    });
    expect(after.body.recovery).toEqual({
      recoveryResponseId: measured.recoveryResponseId,
      firstScore: 2,
      recoveryScore: 9,
      change: 7,
      answeredAt: expect.any(String),
      measuredAt: measuredAt.toISOString(),
    });
    await bed.outboxDrained();
    await expectEventually(async () =>
      expect(
        await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = ANY($1)', [[measured.eventId, again.eventId]]),
      ).toHaveLength(2),
    );
    expect((await callJson(service.url, 'GET', `/cases/${caseId}`, admin)).body.recovery.recoveryScore).toBe(9);
  });

  it('ignores holdout measurements: they have no case', async () => {
    const holdout = anEvent(Topics.RecoveryMeasured, { group: FollowUpGroup.HOLDOUT, caseId: '' });
    const stray = anEvent(Topics.RecoveryMeasured, { group: FollowUpGroup.FOLLOWED_UP, caseId: randomUUID() });
    await bed.publish(Topics.RecoveryMeasured, [holdout, stray]);

    await expectEventually(async () =>
      expect(
        await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = ANY($1)', [[holdout.eventId, stray.eventId]]),
      ).toHaveLength(2),
    );
    expect(await bed.rows('SELECT case_id FROM $schema.case_recoveries WHERE case_id = $1', [stray.caseId])).toEqual(
      [],
    );
  });
});
