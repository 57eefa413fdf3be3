import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import { anEvent, applyOverlapping, expectEventually, partitionsOfInstances, serviceBed, toRecord } from '@nps/testing';

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
    // The answer's transaction records it, then waits to publish its score (the outbox held); the
    // follow-up, on the other instance, is recorded before the answer commits, or waits for it.
    await applyOverlapping(
      bed,
      'outbox',
      { ...toRecord(Topics.ResponseReceived, answer), partition: first.of(Topics.ResponseReceived)[0] },
      { ...toRecord(Topics.CaseOpened, opened), partition: second.of(Topics.CaseOpened)[0] },
    );

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
