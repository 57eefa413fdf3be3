import { Topics } from '@nps/contracts';
import { groupIdOf, kafkaConfig, physicalTopic } from '@nps/messaging';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { Kafka } from 'kafkajs';
import { LEDGER, ledgerComments } from '../fixtures/ledger/ledger.definition';

// One service's producer sends, another service's consumer group receives: commits trail the
// handler, and a consumer restarted after a crash resumes exactly after the last commit.
describe('the Kafka transport against a real broker', () => {
  const bed = serviceBed({ service: LEDGER, autoStart: false });
  const { kafkaBrokers: brokers, topicPrefix } = bed;
  const admin = new Kafka(kafkaConfig({ brokers, clientId: 'transport-test' })).admin();

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  it('commits only finished messages, and a consumer restarted after a crash resumes after the last commit', async () => {
    const comments = Array.from({ length: 10 }, (_, i) => `m${i + 1}`);

    let ledger = (await bed.start({ HANG_ON: 'm6' })).process; // creates the topics
    // One customer: one partition, so the consumer sees them in this order.
    const events = comments.map((c) => anEvent(Topics.ResponseReceived, { customerId: 'customer-1', comment: c }));
    await bed.publish(Topics.ResponseReceived, events);

    const effects = () => ledgerComments(bed);
    const committed = async () => {
      const [topic] = await admin.fetchOffsets({
        groupId: groupIdOf('ledger', topicPrefix),
        topics: [physicalTopic(Topics.ResponseReceived.name, topicPrefix)],
      });
      return Math.max(...topic.partitions.map((p) => Number(p.offset)));
    };

    await ledger.waitForOutput('hanging on m6');
    expect(await effects()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // m6 sits at offset 5 and its handler has not finished: the committed position is exactly 5.
    expect(await committed()).toBe(5);

    expect((await ledger.stop('SIGKILL')).signal).toBe('SIGKILL');
    ledger = (await bed.start()).process;
    await expectEventually(async () => expect(await effects()).toHaveLength(10), { timeoutMs: 60000 });
    await expectEventually(async () => expect(await committed()).toBe(10));
    expect((await ledger.stop('SIGTERM')).code).toBe(0);
    expect(await effects()).toEqual(comments);
  });
});
