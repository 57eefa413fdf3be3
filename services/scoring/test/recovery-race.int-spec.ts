import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import {
  anEvent,
  connectionsWaitingForLocks,
  expectEventually,
  holdAgainstWrites,
  partitionsOfInstances,
  serviceBed,
  toRecord,
} from '@nps/testing';

// A detractor's re-survey answer and its `case opened` travel on two topics; with two instances in the
// consumer group both may be applied at once. The recovery is measured whichever commits first (ADR 0048).
describe("a re-survey answer scored on one instance while its case's opening is recorded on the other", () => {
  const bed = serviceBed({ service: 'scoring', autoStart: false });

  it('measures the recovery', async () => {
    await bed.start();
    await bed.start();
    const group = groupIdOf('scoring', bed.topicPrefix);
    const [first, second] = await partitionsOfInstances(bed, group, [Topics.ResponseReceived, Topics.CaseOpened]);

    const customerId = `race-${randomUUID()}`;
    const responseId = randomUUID();
    const answer = anEvent(Topics.ResponseReceived, { customerId, score: 9, recoveryOfResponseId: responseId });
    const opened = anEvent(Topics.CaseOpened, { customerId, responseId, caseId: randomUUID(), score: 2 });

    // The outbox held against writes: the answer's transaction records it, then waits to publish its score.
    const release = await holdAgainstWrites(bed, 'outbox');
    try {
      const answeredOn = first.of(Topics.ResponseReceived)[0];
      await bed.publishRecords([{ ...toRecord(Topics.ResponseReceived, answer), partition: answeredOn }]);
      await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(1), { timeoutMs: 30000 });

      // The follow-up, on the other instance, is recorded before the answer commits, or waits for it.
      const openedOn = second.of(Topics.CaseOpened)[0];
      await bed.publishRecords([{ ...toRecord(Topics.CaseOpened, opened), partition: openedOn }]);
      const applied = async () =>
        (await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [opened.eventId])).length === 1;
      await expectEventually(
        async () => expect((await applied()) || (await connectionsWaitingForLocks(bed)) === 2).toBe(true),
        { timeoutMs: 30000 },
      );
    } finally {
      await release();
    }

    await expectEventually(
      async () =>
        expect(
          await bed.rows(
            'SELECT recovery_score, follow_up_group FROM $schema.recovery_measurements WHERE response_id = $1 AND measured_at IS NOT NULL',
            [responseId],
          ),
        ).toEqual([{ recovery_score: 9, follow_up_group: 'followed-up' }]),
      { timeoutMs: 30000 },
    );
  }, 180000);
});
