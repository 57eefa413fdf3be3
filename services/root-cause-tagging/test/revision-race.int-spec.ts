import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import { anEvent, applyOverlapping, expectEventually, partitionsOfInstances, serviceBed, toRecord } from '@nps/testing';

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
    // The revision first, on one instance; then the answer, on the other, which finds no comment
    // committed and waits on the revision's row.
    const answerDid = await applyOverlapping(
      bed,
      'outbox',
      { ...toRecord(Topics.ResponseRevised, revision), partition: first.of(Topics.ResponseRevised)[0] },
      { ...toRecord(Topics.ResponseReceived, answer), partition: second.of(Topics.ResponseReceived)[0] },
    );
    expect(answerDid).toBe('waiting');

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
