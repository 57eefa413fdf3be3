import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, encodeEvent, Topics } from '@nps/contracts';
import { EventPublisher } from '@nps/messaging';
import {
  expectEventually,
  freePort,
  freshSchema,
  freshTopicPrefix,
  LocalIssuer,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@nps/testing';
import { Client } from 'pg';

const SERVICES = ['survey-dispatch', 'response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'] as const;
type Service = (typeof SERVICES)[number];
// Adam, the seeded admin of the local issuer (deploy/local/oidc-seed.json); set in beforeAll.
let admin = '';
const STANDARD = ['type', 'title', 'status', 'detail', 'code', 'traceId'];

interface Row {
  service: Service;
  what: 'bad body' | 'unknown route' | 'domain rejection' | 'no token' | 'missing scope';
  send: (url: string) => Promise<Response>;
  status: number;
  code: string;
  /** Fields a validation answer must name. */
  fields?: string[];
  /** Members beyond the standard ones that this problem type carries. */
  extensions?: string[];
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bearer = () => ({ headers: { authorization: `Bearer ${admin}` } });
/** Tokens from the local issuer by client id, fetched in beforeAll. */
const tokens: Record<string, string> = {};
const as = (client: string) => ({ authorization: `Bearer ${tokens[client]}` });
const asAdmin = (method: string, body: unknown) => json(method, body, { authorization: `Bearer ${admin}` });
const answer = (score: number) => ({ customerId: 'c-problem', score, language: 'nl', channel: 'STORE' });
let openCaseId = '';

const TABLE: Row[] = [
  {
    service: 'survey-dispatch',
    what: 'bad body',
    send: (url) =>
      fetch(
        `${url}/surveys`,
        json('POST', { customerId: 'c-1', touchpointType: 'Account Review', channel: 'pigeon' }, as('survey-sender')),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['touchpointType', 'channel'],
  },
  {
    service: 'survey-dispatch',
    what: 'domain rejection',
    send: (url) =>
      fetch(
        `${url}/surveys`,
        json('POST', { customerId: 'nobody', touchpointType: 'account-review' }, as('survey-sender')),
      ),
    status: 400,
    code: 'UNKNOWN_CUSTOMER',
    fields: ['customerId'],
  },
  {
    service: 'response-ingestion',
    what: 'bad body',
    send: (url) =>
      fetch(
        `${url}/responses`,
        json('POST', { ...answer(11), language: 'xx' }, { 'idempotency-key': randomUUID(), ...as('responses-writer') }),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['score', 'language'],
  },
  {
    service: 'response-ingestion',
    what: 'domain rejection',
    // An Idempotency-Key already used for another answer: the stored state refuses the second.
    send: async (url) => {
      const key = randomUUID();
      const first = await fetch(
        `${url}/responses`,
        json('POST', answer(9), { 'idempotency-key': key, ...as('responses-writer') }),
      );
      if (first.status >= 300) throw new Error(`first answer refused: ${first.status} ${await first.text()}`);
      return fetch(`${url}/responses`, json('POST', answer(3), { 'idempotency-key': key, ...as('responses-writer') }));
    },
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
    fields: ['Idempotency-Key'],
  },
  {
    service: 'scoring',
    what: 'bad body',
    // Scoring's API only reads: its query string is its request body.
    send: (url) => fetch(`${url}/nps?interval=fortnight&segmnt=smb`, { headers: as('nps-reader') }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['interval', 'segmnt'],
  },
  {
    service: 'scoring',
    what: 'domain rejection',
    send: (url) => fetch(`${url}/nps?from=2025-02-01&to=2025-01-01`, { headers: as('nps-reader') }),
    status: 400,
    code: 'PERIOD_REVERSED',
    fields: ['to'],
  },
  {
    service: 'root-cause-tagging',
    what: 'bad body',
    send: (url) =>
      fetch(
        `${url}/taxonomy/tags`,
        json('POST', { id: 'Loyalty Program', name: 'Loyalty', colour: 'red' }, as('taxonomy-admin')),
      ),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id', 'colour'],
  },
  {
    service: 'root-cause-tagging',
    what: 'domain rejection',
    send: (url) =>
      fetch(`${url}/taxonomy/tags`, json('POST', { id: 'delivery', name: 'Delivery again' }, as('taxonomy-admin'))),
    status: 409,
    code: 'TAG_ALREADY_EXISTS',
  },
  {
    service: 'case-management',
    what: 'bad body',
    send: (url) =>
      fetch(`${url}/teams`, asAdmin('POST', { id: 'team-x', name: 'Team X', calendar: { workingDays: [8] } })),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['calendar.workingDays'],
  },
  {
    service: 'case-management',
    what: 'domain rejection',
    // An open case cannot be resolved before a contact: the lifecycle refuses the transition.
    send: (url) =>
      fetch(
        `${url}/cases/${openCaseId}/resolve`,
        asAdmin('POST', { rootCauseTagId: 'delivery', outcome: 'recovered', note: 'x' }),
      ),
    status: 409,
    code: 'ILLEGAL_TRANSITION',
    extensions: ['caseStatus', 'allowed'],
  },
  {
    service: 'scoring',
    what: 'no token',
    send: (url) => fetch(`${url}/nps`),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    service: 'scoring',
    what: 'missing scope',
    send: (url) => fetch(`${url}/nps`, { headers: as('responses-writer') }),
    status: 403,
    code: 'FORBIDDEN',
  },
  ...SERVICES.map((service): Row => ({
    service,
    what: 'unknown route',
    send: (url) => fetch(`${url}/no-such-route`, service === 'case-management' ? bearer() : {}),
    status: 404,
    code: 'NOT_FOUND',
  })),
];

// The same error contract from all five services, each in its own process on the real broker and database.
describe('HTTP errors are the same problem details on every service', () => {
  const topicPrefix = freshTopicPrefix();
  const db = new Client({ connectionString: testDatabaseUrl() });
  const urls = new Map<Service, string>();
  const running: ServiceProcess[] = [];
  let caseSchema = '';
  let issuer: LocalIssuer;

  beforeAll(async () => {
    await db.connect();
    issuer = await LocalIssuer.start();
    admin = await issuer.token('adam');
    for (const client of ['survey-sender', 'responses-writer', 'nps-reader', 'taxonomy-admin'])
      tokens[client] = await issuer.clientToken(client);
    const started = SERVICES.map(async (service) => {
      const port = await freePort();
      const schema = await freshSchema(service.replaceAll('-', '_'));
      if (service === 'case-management') caseSchema = schema;
      const env = {
        ...{ PORT: String(port), DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: topicPrefix, LOG_LEVEL: 'warn' },
        ...{ KAFKA_BROKERS: testKafkaBrokers(), DATABASE_URL: testDatabaseUrl(), ...issuer.env },
      };
      const process = ServiceProcess.start({ entry: `services/${service}/src/main.ts`, env });
      running.push(process);
      urls.set(service, `http://127.0.0.1:${port}`);
      await process.waitForHttp(`http://127.0.0.1:${port}/health/ready`, 200, 150000);
    });
    await Promise.all(started);
    openCaseId = await openCase(topicPrefix, db, caseSchema);
  }, 240000);

  afterAll(async () => {
    await Promise.all(running.map((process) => process.stop('SIGKILL')));
    await issuer?.stop();
    await db.end();
  });

  it.each(TABLE.map((row) => [row.service, row.what, row] as const))('%s, %s', async (service, _what, row) => {
    const response = await row.send(urls.get(service) as string);
    const body = (await response.json()) as Record<string, unknown>;
    const expectedKeys = [...STANDARD, ...(row.fields ? ['fields'] : []), ...(row.extensions ?? [])].sort();

    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const answered = { status: response.status, keys: Object.keys(body).sort() };
    expect(answered).toEqual({ status: row.status, keys: expectedKeys });
    expect(body).toEqual(
      expect.objectContaining({
        type: expect.stringMatching(/^urn:nps:problem:[a-z-]+(:[a-z-]+)?$/),
        title: expect.stringMatching(/^[A-Z][a-z -]+$/),
        status: row.status,
        detail: expect.stringMatching(/\S/),
        code: row.code,
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      }),
    );
    if (row.fields) {
      const named = row.fields.map((field) => ({ field, reason: expect.stringMatching(/\S/) }));
      expect(body.fields).toEqual(expect.arrayContaining(named));
    }
  });
});

/** Opens a case the way it happens in production: a `detractor identified` event; returns its id. */
async function openCase(topicPrefix: string, db: Client, schema: string): Promise<string> {
  const responseId = randomUUID();
  const now = timestampFromDate(new Date());
  const publisher = new EventPublisher({ brokers: testKafkaBrokers(), clientId: 'problem-details-e2e', topicPrefix });
  await publisher.onModuleInit();
  try {
    const detractor = {
      ...{ eventId: randomUUID(), occurredAt: now, answeredAt: now, customerId: 'c-problem', responseId },
      ...{ revision: 0, withdrawn: false },
      ...{ score: 2, comment: '', touchpointId: 'order-1', touchpointType: 'order-delivered', channel: Channel.EMAIL },
      customer: { language: 'nl', segment: 'consumer', region: 'benelux', tier: 'standard', accountOwnerId: '' },
    };
    const encoded = encodeEvent(Topics.DetractorIdentified, detractor, { source: 'urn:nps:test' });
    await publisher.publish(Topics.DetractorIdentified.name, [encoded]);
  } finally {
    await publisher.onApplicationShutdown();
  }
  return expectEventually(
    async () => {
      const sql = `SELECT id FROM "${schema}".cases WHERE response_id = $1`;
      const { rows } = await db.query<{ id: string }>(sql, [responseId]);
      expect(rows).toHaveLength(1);
      return rows[0].id;
    },
    { timeoutMs: 60000, intervalMs: 250 },
  );
}
