import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { exportSettingsFromEnv, gatherCustomerExport } from '@nps/runtime';
import {
  expectEventually,
  PLATFORM_SERVICES,
  readTopics,
  type ServiceName,
  serviceStack,
  SmtpInbox,
} from '@nps/testing';
import { Pool } from 'pg';
import { answeredThroughEmail, privacyToolEnv } from './support/surveyed-customer';

const SERVICES = PLATFORM_SERVICES;

const id = randomUUID().slice(0, 8);
const customer = {
  customerId: `erase-${id}`,
  name: `Griselda Quernheim ${id}`,
  email: `griselda.${id}@example.org`,
  phone: '+31 6 4455 6677',
  region: 'nl',
  score: 2,
  // A detractor's comment with their phone number in it, and a word found nowhere else.
  comment: `The parcel arrived broken and late, Zorblax ${id}. Call me back on +31 6 4455 6677`,
};
/** Every form the personal data may take: as given, stored (normalised phone), or quoted. */
const NEEDLES = [
  customer.name,
  customer.email,
  customer.phone,
  '+31644556677',
  '4455 6677',
  customer.comment,
  `Zorblax ${id}`,
];

/** Where each needle was found; empty when none is anywhere. */
function findings(where: string, text: string | Buffer): string[] {
  const haystack = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return NEEDLES.filter((needle) => haystack.includes(Buffer.from(needle))).map((needle) => `${where}: ${needle}`);
}

// Issue #19, erasure: a customer answers as a detractor with their phone number in the comment, the
// case opens and the comment is tagged; then they are erased. No API, table, topic (dead letters too),
// log or rebuilt projection yields their name, email, phone or comment any more, and the NPS is unchanged.
describe('erasing a customer, across all five services', () => {
  const stack = serviceStack(SERVICES, { readyTimeoutMs: 240000 });
  const { beds, urls } = stack;
  let mail: SmtpInbox;
  let db: Pool;
  let env: Record<string, string>;
  let responseId: string;
  let caseId: string;
  let aggregatesBefore: unknown;
  /** Output of every service process that ran, gathered before each stop. */
  const logs: Record<string, string> = {};

  const ownEnv = (
    started: Partial<Record<ServiceName, string>>,
  ): Partial<Record<ServiceName, Record<string, string>>> => ({
    'survey-dispatch': {
      SMTP_URL: mail.url,
      SURVEY_PAGE_URL: String(started['response-ingestion']),
      QUIET_HOURS: 'off',
    },
  });

  beforeAll(async () => {
    mail = await SmtpInbox.start();
    db = new Pool({ connectionString: beds.scoring.databaseUrl, max: 2 });
    await stack.start(ownEnv);
    env = await privacyToolEnv(beds);
    responseId = await answeredThroughEmail(beds, mail, customer);
  }, 600000);

  afterAll(async () => {
    await mail?.stop();
    await db?.end();
  });

  async function call<T>(service: ServiceName, path: string, token: string): Promise<T> {
    const response = await fetch(`${beds[service].url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** What the NPS APIs say; must not move with an erasure or a replay. */
  async function aggregates(): Promise<unknown> {
    const analyst = await beds.scoring.tokenFor('nina');
    return {
      nps: await call('scoring', '/nps', analyst),
      byTouchpoint: await call('scoring', '/nps?groupBy=touchpointType', analyst),
      drivers: await call('scoring', '/nps/drivers', analyst),
    };
  }

  /** The case of the answer, with its tags, once case-management has it. */
  async function taggedCase(timeoutMs: number): Promise<string> {
    const admin = await beds['case-management'].tokenFor('adam');
    return expectEventually(
      async () => {
        const listed = await call<{ id: string; tagIds: string[] }>(
          'case-management',
          `/cases/by-response/${responseId}`,
          admin,
        );
        expect(listed.tagIds.length).toBeGreaterThan(0);
        return listed.id;
      },
      { timeoutMs, intervalMs: 1000 },
    );
  }

  /** Every API answer that showed the customer's data before the erasure. */
  async function apiFindings(): Promise<string[]> {
    const admin = await beds['case-management'].tokenFor('adam');
    const exported = await gatherCustomerExport(customer.customerId, exportSettingsFromEnv(env));
    const answers: Record<string, unknown> = {
      export: exported,
      case: await call('case-management', `/cases/${caseId}`, admin),
      tagging: await call('root-cause-tagging', `/tagging/responses/${responseId}`, admin),
      surveyRequests: await call('survey-dispatch', `/survey-requests?customerId=${customer.customerId}`, admin),
      suppressions: await call('survey-dispatch', `/suppressions?customerId=${customer.customerId}`, admin),
    };
    return Object.entries(answers).flatMap(([api, body]) => findings(`api ${api}`, JSON.stringify(body)));
  }

  /** Every text, jsonb, array and bytea column of every table of the stack's schemas, key store included. */
  async function tableFindings(): Promise<string[]> {
    const schemas = [...SERVICES.map((name) => beds[name].schema), stack.privacySchema];
    const { rows: columns } = await db.query<{ schema: string; table: string; column: string; type: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = ANY($1) AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')`,
      [schemas],
    );
    expect(new Set(columns.map((c) => c.schema)).size).toBe(schemas.length);
    const found: string[] = [];
    for (const { schema, table, column, type } of columns) {
      for (const needle of NEEDLES) {
        const where =
          type === 'bytea' ? `position($1::bytea IN "${column}") > 0` : `strpos("${column}"::text, $1::text) > 0`;
        const value = type === 'bytea' ? Buffer.from(needle) : needle;
        const { rows } = await db.query(`SELECT 1 FROM "${schema}"."${table}" WHERE ${where} LIMIT 1`, [value]);
        if (rows.length > 0) found.push(`table ${schema}.${table}.${column}: ${needle}`);
      }
    }
    return found;
  }

  /** Keys, values and headers of every record of every topic of the stack, dead-letter topics included. */
  async function topicFindings(): Promise<string[]> {
    const records = await readTopics(beds.scoring.kafkaBrokers, stack.topicPrefix);
    expect(records.some((r) => r.topic.endsWith(Topics.CustomerErased.name))).toBe(true);
    return [
      ...new Set(
        records.flatMap((r) => [
          ...findings(`topic ${r.topic} key`, r.key ?? Buffer.alloc(0)),
          ...findings(`topic ${r.topic} value`, r.value ?? Buffer.alloc(0)),
          ...Object.entries(r.headers).flatMap(([name, values]) =>
            values.flatMap((value) => findings(`topic ${r.topic} header ${name}`, value)),
          ),
        ]),
      ),
    ];
  }

  function logFindings(): string[] {
    for (const name of SERVICES) logs[`${name} (current)`] = beds[name].process.output;
    return [...new Set(Object.entries(logs).flatMap(([name, output]) => findings(`log ${name}`, output)))];
  }

  it('shows the customer everywhere before the erasure (the searches below can fail)', async () => {
    caseId = await taggedCase(120000);
    await expectEventually(async () => expect(await apiFindings()).toContain(`api case: ${customer.name}`), {
      timeoutMs: 30000,
      intervalMs: 1000,
    });
    const apis = await apiFindings();
    expect(apis).toEqual(expect.arrayContaining([`api export: ${customer.email}`, `api tagging: ${customer.comment}`]));
    expect(await tableFindings()).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`: ${customer.comment}`),
        expect.stringContaining(`: ${customer.name}`),
      ]),
    );
    aggregatesBefore = await aggregates();
    expect(JSON.stringify(aggregatesBefore)).toContain('"detractors":1');
  });

  it('erases: the endpoint answers, every service blanks its rows', async () => {
    const admin = await beds['survey-dispatch'].tokenFor('adam');
    const erased = await fetch(`${urls['survey-dispatch']}/customers/${customer.customerId}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ customerId: customer.customerId, keyDeleted: expect.any(Boolean) });
    await expectEventually(async () => expect(await tableFindings()).toEqual([]), {
      timeoutMs: 60000,
      intervalMs: 2000,
    });
  });

  it('no API yields the name, email, phone or comment', async () => {
    expect(await apiFindings()).toEqual([]);
  });

  it('the aggregates did not change', async () => {
    expect(await aggregates()).toEqual(aggregatesBefore);
  });

  it('no topic, dead-letter topic included, holds them in a key, value or header', async () => {
    for (const name of SERVICES) await beds[name].outboxDrained();
    expect(await topicFindings()).toEqual([]);
  });

  it('no service logged them', () => {
    expect(logFindings()).toEqual([]);
  });

  it('every service replayed from the beginning rebuilds nothing of them, and the same aggregates', async () => {
    for (const name of SERVICES) logs[`${name} (before replay)`] = beds[name].process.output;
    await Promise.all(SERVICES.map((name) => beds[name].stop('SIGTERM')));
    for (const name of SERVICES) await beds[name].cli('replay');
    await beds['response-ingestion'].start();
    await Promise.all(
      SERVICES.filter((name) => name !== 'response-ingestion').map((name) =>
        beds[name].start(ownEnv({ 'response-ingestion': beds['response-ingestion'].url })[name as 'survey-dispatch']),
      ),
    );
    env = await privacyToolEnv(beds); // new ports
    await expectEventually(async () => expect(await aggregates()).toEqual(aggregatesBefore), {
      timeoutMs: 180000,
      intervalMs: 2000,
    });
    caseId = await expectEventually(
      async () => {
        const admin = await beds['case-management'].tokenFor('adam');
        return (await call<{ id: string }>('case-management', `/cases/by-response/${responseId}`, admin)).id;
      },
      { timeoutMs: 180000, intervalMs: 1000 },
    );
    await expectEventually(
      async () => {
        const [register] = await beds['survey-dispatch'].rows('SELECT customer_id FROM erased_customers');
        expect(register).toEqual({ customer_id: customer.customerId });
      },
      { timeoutMs: 60000 },
    );
    // root-cause-tagging has read the answer again (whether it could tag it or not).
    await expectEventually(
      async () => {
        const read = await beds['root-cause-tagging'].rows(`SELECT 1 FROM inbox WHERE topic = $1`, [
          Topics.ResponseReceived.name,
        ]);
        expect(read.length).toBeGreaterThan(0);
      },
      { timeoutMs: 120000, intervalMs: 1000 },
    );
    for (const name of SERVICES) await beds[name].outboxDrained();
    const found = [...(await tableFindings()), ...(await apiFindings()), ...logFindings()];
    expect(found).toEqual([]);
  }, 600000);
});
