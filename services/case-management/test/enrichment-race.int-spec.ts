import { randomUUID } from 'node:crypto';
import { type EventTopic, TagPolarity, Topics } from '@nps/contracts';
import { groupIdOf, kafkaConfig } from '@nps/messaging';
import { anEvent, expectEventually, serviceBed, toRecord } from '@nps/testing';
import { AssignerProtocol, Kafka } from 'kafkajs';
import { Client } from 'pg';

// Two instances share the consumer group: the `detractor identified` of a response may be applied by
// one while its `response tagged` is applied by the other. Each transaction must not miss the other's
// rows (ADR 0048): the case gets its tags whichever commits first.
describe('a case opened on one instance while its tags are stored on the other', () => {
  const bed = serviceBed({ service: 'case-management', env: { SLA_WATCH_ENABLED: 'false' }, autoStart: false });
  const kafka = new Kafka(kafkaConfig({ brokers: bed.kafkaBrokers, clientId: 'enrichment-race-test' }));
  const topicOf = (topic: EventTopic) => `${bed.topicPrefix}${topic.name}`;

  /** Each member's partitions of `detractor identified` and `response tagged`, once the group is stable. */
  const assignments = async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await expectEventually(
        async () => {
          const [group] = (await admin.describeGroups([groupIdOf('case-management', bed.topicPrefix)])).groups;
          expect(group.state).toBe('Stable');
          const members = group.members.map((member) => {
            const { assignment } = AssignerProtocol.MemberAssignment.decode(member.memberAssignment) ?? {};
            return {
              detractor: assignment?.[topicOf(Topics.DetractorIdentified)] ?? [],
              tagged: assignment?.[topicOf(Topics.ResponseTagged)] ?? [],
            };
          });
          expect(members).toHaveLength(2);
          for (const member of members) expect([member.detractor.length, member.tagged.length]).not.toContain(0);
          return members;
        },
        { timeoutMs: 60000, intervalMs: 500 },
      );
    } finally {
      await admin.disconnect();
    }
  };

  /** The service's connections (named after its schema) waiting for a lock. */
  const waiting = async () =>
    (
      await bed.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE NOT l.granted AND a.application_name = $1`,
        [bed.schema],
      )
    )[0].n;

  it('keeps the tags that arrive while the case is being opened', async () => {
    await bed.start();
    await bed.start();
    const [first, second] = await assignments();

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
    const producer = kafka.producer();
    await producer.connect();
    // As an outside producer placing each record on a partition of its own choosing: the opening
    // on the first instance, the tagging on the second.
    const send = async (topic: EventTopic, event: ReturnType<typeof anEvent>, partition: number) =>
      producer.send({ topic: topicOf(topic), acks: -1, messages: [{ ...toRecord(topic, event).message, partition }] });

    // The test holds the cases table against writes: the opening reads what it needs, then waits to insert.
    const blocker = new Client({ connectionString: bed.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE "${bed.schema}".cases IN SHARE ROW EXCLUSIVE MODE`);
      await send(Topics.DetractorIdentified, detractor, first.detractor[0]);
      await expectEventually(async () => expect(await waiting()).toBe(1), { timeoutMs: 30000, intervalMs: 100 });

      await send(Topics.ResponseTagged, tagging, second.tagged[0]);
      // The tagging is applied before the case exists, or waits for the opening.
      const applied = async () =>
        (await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [tagging.eventId])).length === 1;
      await expectEventually(async () => expect((await applied()) || (await waiting()) === 2).toBe(true), {
        timeoutMs: 30000,
        intervalMs: 100,
      });
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
      await producer.disconnect();
    }

    await expectEventually(
      async () => {
        const cases = await bed.rows<{ tag_ids: string[] }>(
          'SELECT tag_ids FROM $schema.cases WHERE response_id = $1',
          [responseId],
        );
        expect(cases).toEqual([{ tag_ids: ['delivery'] }]);
      },
      { timeoutMs: 30000 },
    );
  }, 180000);
});
