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

// An answer and its revision travel on two topics; with two instances in the consumer group one may
// tag the answer while the other tags the revision. The revision must stay the stored comment
// whichever transaction commits last.
describe('an answer tagged on one instance while its revision is tagged on the other', () => {
  const bed = serviceBed({ service: 'root-cause-tagging', autoStart: false });

  it('keeps the revision', async () => {
    await bed.start();
    await bed.start();
    const [first, second] = await partitionsOfInstances(bed, groupIdOf('root-cause-tagging', bed.topicPrefix), [
      Topics.ResponseReceived,
      Topics.ResponseRevised,
    ]);

    const customerId = `race-${randomUUID()}`;
    const answer = anEvent(Topics.ResponseReceived, { customerId, score: 3, comment: 'The parcel was late' });
    const revision = anEvent(Topics.ResponseRevised, {
      customerId,
      responseId: answer.responseId,
      revision: 1,
      score: 2,
      comment: 'The parcel was late and support never called back',
    });

    // The outbox held against writes: each transaction saves its tagged comment, then waits to publish.
    const release = await holdAgainstWrites(bed, 'outbox');
    try {
      // The revision first, on one instance: its tagged comment is saved, not committed.
      const revisedOn = first.of(Topics.ResponseRevised)[0];
      await bed.publishRecords([{ ...toRecord(Topics.ResponseRevised, revision), partition: revisedOn }]);
      await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(1), { timeoutMs: 30000 });
      // Then the answer, on the other: it finds no comment committed and waits on the revision's row.
      const receivedOn = second.of(Topics.ResponseReceived)[0];
      await bed.publishRecords([{ ...toRecord(Topics.ResponseReceived, answer), partition: receivedOn }]);
      await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(2), { timeoutMs: 30000 });
    } finally {
      await release();
    }

    const applied = async () =>
      (
        await bed.rows<{ n: number }>('SELECT count(*)::int AS n FROM $schema.inbox WHERE event_id = ANY($1)', [
          [answer.eventId, revision.eventId],
        ])
      )[0].n;
    await expectEventually(async () => expect(await applied()).toBe(2), { timeoutMs: 30000 });
    expect(
      await bed.rows('SELECT revision, score FROM $schema.tagged_comments WHERE response_id = $1', [answer.responseId]),
    ).toEqual([{ revision: 1, score: 2 }]);
  }, 180000);
});
