import type { EventTopic } from '@nps/contracts';
import { AssignerProtocol } from 'kafkajs';
import { expectEventually } from '../expect-eventually';
import type { ServiceBed } from './service.bed';
import { testKafka } from '../kafka/test-kafka';

/**
 * The partitions of `topics` each running instance of the bed's service was assigned, once its
 * consumer group (`groupIdOf` of @nps/messaging, which libs/testing cannot import) is stable with
 * `instances` members each holding some of every topic.
 */
export async function partitionsOfInstances(
  bed: ServiceBed,
  groupId: string,
  topics: EventTopic[],
  instances = 2,
): Promise<Array<{ of(topic: EventTopic): number[] }>> {
  const kafka = testKafka(bed.kafkaBrokers, 'service-bed');
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await expectEventually(
      async () => {
        const [group] = (await admin.describeGroups([groupId])).groups;
        expect(group.state).toBe('Stable');
        const members = group.members.map((member) => {
          const { assignment = {} } = AssignerProtocol.MemberAssignment.decode(member.memberAssignment) ?? {};
          return { of: (topic: EventTopic) => assignment[bed.topicPrefix + topic.name] ?? [] };
        });
        expect(members).toHaveLength(instances);
        for (const member of members) for (const topic of topics) expect(member.of(topic)).not.toHaveLength(0);
        return members;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
  } finally {
    await admin.disconnect();
  }
}
