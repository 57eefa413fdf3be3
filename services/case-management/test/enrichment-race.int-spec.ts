import { randomUUID } from 'node:crypto';
import { type EventTopic, TagPolarity, Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import {
  anEvent,
  connectionsWaitingForLocks,
  expectEventually,
  holdAgainstWrites,
  partitionsOfInstances,
  serviceBed,
  toRecord,
  type EventRecord,
} from '@nps/testing';

// Two instances share the consumer group: the `detractor identified` of a response may be applied by
// one while its tags or revised comment are applied by the other. Each transaction must not miss the
// other's rows (ADR 0048): the case gets them whichever commits first.
describe('a case opened on one instance while its tags or new comment are stored on the other', () => {
  const bed = serviceBed({ service: 'case-management', env: { SLA_WATCH_ENABLED: 'false' }, autoStart: false });
  const TOPICS = [Topics.DetractorIdentified, Topics.ResponseTagged, Topics.ResponseRevised];
  let instances: Awaited<ReturnType<typeof partitionsOfInstances>>;

  beforeAll(async () => {
    await bed.start();
    await bed.start();
    instances = await partitionsOfInstances(bed, groupIdOf('case-management', bed.topicPrefix), TOPICS);
  }, 180000);

  /**
   * Opens the detractor's case on the first instance while the test holds the cases table against
   * writes, so the opening waits after its reads; meanwhile `event` goes to the second instance,
   * where it is applied before the case exists or waits for the opening.
   */
  const overlapping = async (detractor: EventRecord, topic: EventTopic, event: EventRecord, eventId: string) => {
    const [first, second] = instances;
    const release = await holdAgainstWrites(bed, 'cases');
    try {
      const partition = first.of(Topics.DetractorIdentified)[0];
      await bed.publishRecords([{ ...detractor, partition }]);
      await expectEventually(async () => expect(await connectionsWaitingForLocks(bed)).toBe(1), { timeoutMs: 30000 });

      await bed.publishRecords([{ ...event, partition: second.of(topic)[0] }]);
      const applied = async () =>
        (await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [eventId])).length === 1;
      await expectEventually(
        async () => expect((await applied()) || (await connectionsWaitingForLocks(bed)) === 2).toBe(true),
        { timeoutMs: 30000 },
      );
    } finally {
      await release();
    }
  };
  /** Waits until the response's case matches `expected`: the second transaction may commit after the case shows. */
  const expectCase = async (responseId: string, expected: Record<string, unknown>) =>
    expectEventually(
      async () =>
        expect(
          await bed.rows('SELECT tag_ids, comment FROM $schema.cases WHERE response_id = $1', [responseId]),
        ).toEqual([expect.objectContaining(expected)]),
      { timeoutMs: 30000 },
    );
  const aDetractor = (customerId: string, responseId: string) =>
    toRecord(
      Topics.DetractorIdentified,
      anEvent(Topics.DetractorIdentified, { customerId, responseId, score: 2, comment: 'late twice' }),
    );

  it('keeps the tags that arrive while the case is being opened', async () => {
    const [customerId, responseId] = [`race-${randomUUID()}`, randomUUID()];
    const tagging = anEvent(Topics.ResponseTagged, {
      customerId,
      responseId,
      language: 'en',
      tags: [{ tagId: 'delivery', polarity: TagPolarity.NEGATIVE, confidence: 0.9 }],
    });
    const tagged = toRecord(Topics.ResponseTagged, tagging);
    await overlapping(aDetractor(customerId, responseId), Topics.ResponseTagged, tagged, tagging.eventId);
    await expectCase(responseId, { tag_ids: ['delivery'] });
  }, 120000);

  it('keeps the comment revised while the case is being opened', async () => {
    const [customerId, responseId] = [`race-${randomUUID()}`, randomUUID()];
    const comment = 'late twice, and nobody called back';
    const revision = anEvent(Topics.ResponseRevised, { customerId, responseId, revision: 1, score: 2, comment });
    const revised = toRecord(Topics.ResponseRevised, revision);
    await overlapping(aDetractor(customerId, responseId), Topics.ResponseRevised, revised, revision.eventId);
    await expectCase(responseId, { comment });
  }, 120000);
});
