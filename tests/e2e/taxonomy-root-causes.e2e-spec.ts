import { randomUUID } from 'node:crypto';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { Channel, Topics } from '@nps/contracts';
import {
  expectEventually,
  freePort,
  freshName,
  freshTopicPrefix,
  KafkaProbe,
  LocalIssuer,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  callJson,
} from '@nps/testing';

// A root cause exists when root-cause-tagging's taxonomy says so: case-management learns the tags
// from nps.taxonomy.published.v1, not from a list of its own (docs/adr/0012).
describe('root causes at case resolution follow the taxonomy of root-cause-tagging', () => {
  const topicPrefix = freshTopicPrefix();
  const processes: ServiceProcess[] = [];
  let admin: string;
  const urls = { tagging: '', cases: '' };
  let kafka: KafkaProbe;
  let issuer: LocalIssuer;
  let taxonomyAdmin: string;

  async function start(service: string, env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const common = {
      KAFKA_BROKERS: testKafkaBrokers(),
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      ...issuer.env,
    };
    const process = ServiceProcess.start({
      entry: `services/${service}/src/main.ts`,
      env: { ...common, ...env, PORT: String(port), DB_SCHEMA: freshName(service.replaceAll('-', '_')) },
    });
    processes.push(process);
    const url = `http://127.0.0.1:${port}`;
    await process.waitForHttp(`${url}/health/ready`, 200, 150000);
    return url;
  }

  /** A detractor's case, contacted, ready to be resolved. */
  async function contactedCase(): Promise<string> {
    const responseId = randomUUID();
    const now = timestampNow();
    await kafka.publish(Topics.DetractorIdentified, {
      eventId: randomUUID(),
      occurredAt: now,
      customerId: `customer-${randomUUID().slice(0, 8)}`,
      responseId,
      score: 3,
      comment: 'The loyalty points vanished',
      answeredAt: now,
      touchpointType: 'order-delivered',
      channel: Channel.EMAIL,
    });
    const id = await expectEventually(
      async () => {
        const found = await callJson(urls.cases, 'GET', `/cases/by-response/${responseId}`, admin);
        expect(found.status).toBe(200);
        return found.body.id as string;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(
      (await callJson(urls.cases, 'POST', `/cases/${id}/contacts`, admin, { channel: 'call', result: 'reached' }))
        .status,
    ).toBe(200);
    return id;
  }

  beforeAll(async () => {
    issuer = await LocalIssuer.start();
    admin = await issuer.token('adam');
    taxonomyAdmin = await issuer.clientToken('taxonomy-admin');
    [urls.tagging, urls.cases] = await Promise.all([start('root-cause-tagging', {}), start('case-management', {})]);
    kafka = new KafkaProbe(testKafkaBrokers(), topicPrefix);
    await kafka.watch([Topics.TaxonomyPublished]);
  }, 240000);

  afterAll(async () => {
    await kafka?.close();
    await Promise.all(processes.map((process) => process.stop('SIGKILL')));
    await issuer?.stop();
  });

  it('knows the initial taxonomy without any set-up: the tags root-cause-tagging published at its start', async () => {
    const tagIds = await expectEventually(
      async () => {
        const listed = await callJson(urls.cases, 'GET', '/root-causes', admin);
        expect(listed.body).toHaveLength(11);
        return listed.body.map((cause: { tagId: string; taxonomyVersion: number }) => [
          cause.tagId,
          cause.taxonomyVersion,
        ]);
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(tagIds).toContainEqual(['delivery', 1]);
  });

  it('accepts a tag added through the taxonomy admin API as the root cause of a resolution', async () => {
    const id = await contactedCase();
    const added = await callJson(urls.tagging, 'POST', '/taxonomy/tags', taxonomyAdmin, {
      id: 'loyalty-program',
      name: 'Loyalty program',
      terms: { en: [{ text: 'loyalty points' }] },
    });
    expect(added.status).toBe(201);
    const resolved = await expectEventually(
      async () => {
        const answer = await callJson(urls.cases, 'POST', `/cases/${id}/resolve`, admin, {
          rootCauseTagId: 'loyalty-program',
          outcome: 'recovered',
          note: 'Points restored',
        });
        expect(answer.status).toBe(200);
        return answer.body;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(resolved).toMatchObject({ status: 'resolved', rootCauseTagId: 'loyalty-program' });
    expect((await callJson(urls.cases, 'GET', '/root-causes', admin)).body).toContainEqual({
      tagId: 'loyalty-program',
      name: 'Loyalty program',
      taxonomyVersion: 2,
    });
  });

  it('refuses a root cause that is in no taxonomy version: 400 naming rootCauseTagId, the case unchanged', async () => {
    const id = await contactedCase();
    const answer = await callJson(urls.cases, 'POST', `/cases/${id}/resolve`, admin, {
      rootCauseTagId: 'weather',
      outcome: 'recovered',
      note: 'x',
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('rootCauseTagId');
    expect(JSON.stringify(answer.body)).toContain('UNKNOWN_ROOT_CAUSE');
    expect((await callJson(urls.cases, 'GET', `/cases/${id}`, admin)).body.case).toMatchObject({
      status: 'in_progress',
    });
  });
});
