import { randomUUID } from 'node:crypto';
import { TagPolarity, Topics } from '@nps/contracts';
import {
  anEvent,
  connectionsWaitingForLocks,
  expectEventually,
  holdAgainstWrites,
  partitionsOfInstances,
  serviceBed,
  toRecord,
} from '@nps/testing';

// Two instances share the consumer group: the `detractor identified` of a response may be applied by
// one while its `response tagged` is applied by the other. Each transaction must not miss the other's
// rows (ADR 0048): the case gets its tags whichever commits first.
describe('a case opened on one instance while its tags are stored on the other', () => {
  const bed = serviceBed({ service: 'case-management', env: { SLA_WATCH_ENABLED: 'false' }, autoStart: false });

  it('keeps the tags that arrive while the case is being opened', async () => {
    await bed.start();
    await bed.start();
    const [first, second] = await partitionsOfInstances(bed, [Topics.DetractorIdentified, Topics.ResponseTagged]);

    const customerId = `race-${randomUUID()}`;
    const responseId = randomUUID();
    const detractor = anEvent(Topics.DetractorIdentified, { customerId, responseId, score: 2, comment: 'late twice' });
    const tagging = anEvent(Topics.ResponseTagged, {
      customerId,
      responseId,
      revision: detractor.revision,
      language: 'en',
      tags: [{ tagId: 'delivery', polarity: TagPolarity.NEGATIVE, confidence: 0.9 }],
    });

    // The cases table held against writes: the opening, on the first instance, reads and then waits to insert.
    const release = await holdAgainstWrites(bed, 'cases');
    try {
      const partition = first.of(Topics.DetractorIdentified)[0];
      await bed.publishRecords([{ ...toRecord(Topics.DetractorIdentified, detractor), partition }]);
      await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(1), { timeoutMs: 30000 });

      // The tagging, on the second instance, is applied before the case exists, or waits for the opening.
      await bed.publishRecords([
        { ...toRecord(Topics.ResponseTagged, tagging), partition: second.of(Topics.ResponseTagged)[0] },
      ]);
      const applied = async () =>
        (await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [tagging.eventId])).length === 1;
      await expectEventually(
        async () => expect((await applied()) || (await connectionsWaitingForLocks(bed)) === 2).toBe(true),
        { timeoutMs: 30000 },
      );
    } finally {
      await release();
    }

    await expectEventually(
      async () =>
        expect(await bed.rows('SELECT tag_ids FROM $schema.cases WHERE response_id = $1', [responseId])).toEqual([
          { tag_ids: ['delivery'] },
        ]),
      { timeoutMs: 30000 },
    );
  }, 180000);
});
