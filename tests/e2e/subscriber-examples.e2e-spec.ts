import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { CasePriority, TagPolarity, Topics } from '@nps/contracts';
import { ensureTopics, kafkaConfig } from '@nps/messaging';
import { anEvent, freshName, freshTopicPrefix, RecordProducer, testKafkaBrokers, toRecord } from '@nps/testing';
import { Kafka } from 'kafkajs';

const run = promisify(execFile);
const EXAMPLES = resolve(__dirname, '../../examples');
const JAVA_EXAMPLE = resolve(EXAMPLES, 'java-subscriber');
const KCAT_SCRIPT = resolve(EXAMPLES, 'kcat-subscriber/subscribe.sh');
// The first Maven build downloads kafka-clients, protobuf-java and protoc into ~/.m2.
const FIRST_BUILD_MS = 10 * 60 * 1000;

// The subscriber examples of docs/contracts.md ("Subscribing"), run against the real broker:
// code in other languages decodes our events from proto/ alone (ADR 0029).
describe('subscriber examples', () => {
  const brokers = testKafkaBrokers();
  const topicPrefix = freshTopicPrefix('subscribers');
  const env = { ...process.env, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: topicPrefix };

  const customerId = `customer-${freshName('x')}`;
  const responseId = `response-${freshName('x')}`;
  const caseId = `case-${freshName('x')}`;
  const detractor = anEvent(Topics.DetractorIdentified, { customerId, responseId, score: 3 });
  const opened = anEvent(Topics.CaseOpened, { caseId, customerId, responseId, priority: CasePriority.HIGH });
  const tagged = anEvent(Topics.ResponseTagged, {
    customerId,
    responseId,
    language: 'en',
    tags: [{ tagId: 'delivery', polarity: TagPolarity.NEGATIVE, confidence: 0.9 }],
  });

  beforeAll(async () => {
    const build = run('mvn', ['-q', '-B', 'package'], { cwd: JAVA_EXAMPLE, env, maxBuffer: 16 << 20 });
    const admin = new Kafka(kafkaConfig({ brokers, clientId: 'subscriber-examples-test' })).admin();
    await admin.connect();
    await ensureTopics(admin, [Topics.DetractorIdentified, Topics.CaseOpened, Topics.ResponseTagged], topicPrefix);
    await admin.disconnect();
    const producer = new RecordProducer(brokers, topicPrefix);
    const detractorRecord = toRecord(Topics.DetractorIdentified, detractor);
    // The detractor twice, as a redelivery would bring it: subscribers deduplicate by ce_id.
    await producer.send([detractorRecord, detractorRecord, toRecord(Topics.CaseOpened, opened)]);
    await producer.send([toRecord(Topics.ResponseTagged, tagged)]);
    await producer.close();
    await build;
  }, FIRST_BUILD_MS);

  it('Java (Maven, code generated from proto/) prints each event once, decoded by ce_dataschema', async () => {
    const { stdout } = await run('java', ['-jar', 'target/java-subscriber-1.0.0.jar'], {
      cwd: JAVA_EXAMPLE,
      env: { ...env, GROUP_ID: freshName('java-subscriber'), MAX_EVENTS: '3', TIMEOUT_SECONDS: '60' },
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        `nps.detractor.identified.v1 key=${customerId} ce_id=${detractor.eventId} detractor identified ` +
          `response_id=${responseId} customer_id=${customerId} score=3 revision=0 withdrawn=false`,
        `nps.case.opened.v1 key=${caseId} ce_id=${opened.eventId} case opened case_id=${caseId} ` +
          `response_id=${responseId} team_id=customer-care priority=high tags=`,
        `nps.response.tagged.v1 key=${customerId} ce_id=${tagged.eventId} response tagged ` +
          `response_id=${responseId} language=en sentiment=0.00 tags=delivery`,
      ]),
    );
  });

  it('kcat + protoc --decode prints the CloudEvents headers and the decoded value', async () => {
    const read = async (topic: string, count: number) =>
      (await run('bash', [KCAT_SCRIPT, topic, String(count)], { env })).stdout;

    const detractors = await read(Topics.DetractorIdentified.name, 2);
    expect(detractors).toContain(`ce_id: ${detractor.eventId}`);
    expect(detractors).toContain('ce_dataschema: urn:nps:proto:nps.v1.DetractorIdentified');
    expect(detractors).toContain(`key ${customerId}`);
    expect(detractors).toContain(`response_id: "${responseId}"`);
    expect(detractors).toContain('score: 3');

    const cases = await read(Topics.CaseOpened.name, 1);
    expect(cases).toContain(`ce_type: ${Topics.CaseOpened.name}`);
    expect(cases).toContain(`case_id: "${caseId}"`);
    expect(cases).toContain('priority: CASE_PRIORITY_HIGH');

    const tags = await read(Topics.ResponseTagged.name, 1);
    expect(tags).toContain(`ce_id: ${tagged.eventId}`);
    expect(tags).toContain(`response_id: "${responseId}"`);
    expect(tags).toContain('tag_id: "delivery"');
    expect(tags).toContain('polarity: TAG_POLARITY_NEGATIVE');
  });
});
