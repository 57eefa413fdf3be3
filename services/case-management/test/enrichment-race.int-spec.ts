import { randomUUID } from 'node:crypto';
import { type EventTopic, TagPolarity, Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import {
  anEvent,
  applyOverlapping,
  expectEventually,
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
   * Opens the detractor's case on the first instance while the cases table is held against writes,
   * so the opening waits after its reads; meanwhile `event` goes to the second instance, where it is
   * applied before the case exists or waits for the opening.
   */
  const overlapping = async (detractor: EventRecord, topic: EventTopic, event: EventRecord) => {
    const [first, second] = instances;
    await applyOverlapping(
      bed,
      'cases',
      { ...detractor, partition: first.of(Topics.DetractorIdentified)[0] },
      { ...event, partition: second.of(topic)[0] },
    );
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
    await overlapping(
      aDetractor(customerId, responseId),
      Topics.ResponseTagged,
      toRecord(Topics.ResponseTagged, tagging),
    );
    await expectCase(responseId, { tag_ids: ['delivery'] });
  }, 120000);

  it('keeps the comment revised while the case is being opened', async () => {
    const [customerId, responseId] = [`race-${randomUUID()}`, randomUUID()];
    const comment = 'late twice, and nobody called back';
    const revision = anEvent(Topics.ResponseRevised, { customerId, responseId, revision: 1, score: 2, comment });
    await overlapping(
      aDetractor(customerId, responseId),
      Topics.ResponseRevised,
      toRecord(Topics.ResponseRevised, revision),
    );
    await expectCase(responseId, { comment });
  }, 120000);
});
