import { Channel, Topics } from '@nps/contracts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectKeyStore, type KeyStoreConnection } from '@nps/privacy';
import { serviceBed } from '@nps/testing';
import { csvOf } from './customer-rows.csv';

const CSV = csvOf([
  {
    customer_id: 'c-1',
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    phone: '+31 6 1234 5678',
    language: 'nl',
    segment: 'consumer',
    tier: 'gold',
    time_zone: 'Europe/Amsterdam',
    'attr.plan': 'yearly',
  },
  { customer_id: 'c-2', name: 'Bob', email: 'bob-at-example', language: 'fr' },
  {
    customer_id: 'c-3',
    name: 'Claudia',
    email: 'claudia@example.de',
    language: 'de',
    account_owner: 'owner-7',
    account_id: 'acme-bv',
    opt_outs: 'sms',
  },
  { customer_id: '', name: 'Nobody', email: 'nobody@example.com' },
]);

// Contacts in, `customer upserted` out: row-by-row report, and contact data never leaves the service.
describe('customer import', () => {
  const bed = serviceBed({ service: 'survey-dispatch' });
  const kafka = bed.probe(Topics.CustomerUpserted);
  let keyStore: KeyStoreConnection;
  beforeAll(async () => {
    keyStore = await connectKeyStore({ url: bed.databaseUrl, schema: bed.privacySchema });
  });
  afterAll(() => keyStore?.close());
  const writer = async (contentType = 'application/json') => ({
    contentType,
    token: await bed.clientToken('customers-writer'),
  });

  it('imports the good CSV rows, reports every bad field with its line, and publishes the good ones without email or phone', async () => {
    const { status, body } = await bed.post('/customers/import', CSV, await writer('text/csv'));

    expect(status).toBe(200);
    expect(body).toEqual({
      rows: 4,
      imported: 2,
      rejected: 2,
      erased: 0,
      problems: [
        { line: 3, field: 'email', reason: 'is not an email address' },
        { line: 3, field: 'language', reason: 'must be one of en, nl, de' },
        { line: 5, field: 'customerId', reason: 'is required' },
      ],
    });
    const events = await kafka.eventually(Topics.CustomerUpserted, (e) => ['c-1', 'c-3'].includes(e.customerId), 2);
    expect(events.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          customerId: 'c-1',
          name: expect.stringMatching(/^enc:v1:/),
          language: 'nl',
          segment: 'consumer',
          tier: 'gold',
          timeZone: 'Europe/Amsterdam',
          attributes: { plan: 'yearly' },
        }),
        expect.objectContaining({
          customerId: 'c-3',
          language: 'de',
          accountOwnerId: 'owner-7',
          accountId: 'acme-bv',
          optedOut: false,
          optedOutChannels: [Channel.SMS],
        }),
      ]),
    );
    for (const event of events) expect(event.bytes.toString('latin1')).not.toMatch(/@example|1234|5678|\+31|Anna/);
    const anna = events.find((e) => e.message.customerId === 'c-1');
    expect(await keyStore.text('c-1', anna?.message.name ?? '')).toBe('Anna de Vries');
    const stored = await bed.db.query(
      `SELECT customer_id, email, phone FROM "${bed.schema}".customers ORDER BY customer_id`,
    );
    expect(stored.rows).toEqual([
      { customer_id: 'c-1', email: 'anna@example.nl', phone: '+31612345678' },
      { customer_id: 'c-3', email: 'claudia@example.de', phone: null },
    ]);
  });

  it('imports JSON the same way and updates a customer imported before', async () => {
    const { body } = await bed.post(
      '/customers/import',
      [
        {
          customerId: 'c-1',
          name: 'Anna Jansen',
          email: 'anna@example.nl',
          language: 'nl',
          optOuts: ['email'],
          attributes: { plan: 'monthly' },
        },
        {
          customerId: 'c-4',
          name: 'Dirk',
          language: 'de',
          timeZone: 'Mars/Olympus',
          attributes: { contact: 'dirk@example.de' },
        },
        'not a customer',
      ],
      await writer(),
    );

    expect(body).toEqual({
      rows: 3,
      imported: 1,
      rejected: 2,
      erased: 0,
      problems: [
        { line: 2, field: 'timeZone', reason: 'must be an IANA time zone like Europe/Amsterdam' },
        {
          line: 2,
          field: 'attributes',
          reason: expect.stringContaining('looks like an email address or phone number'),
        },
        { line: 3, field: 'row', reason: 'is not a JSON object' },
      ],
    });
    const [updated] = await kafka.eventually(
      Topics.CustomerUpserted,
      (e) => e.customerId === 'c-1' && e.optedOutChannels.includes(Channel.EMAIL),
    );
    expect(await keyStore.text('c-1', updated.message.name)).toBe('Anna Jansen');
  });

  it('refuses a file it cannot read with a 400 that says why, and stores nothing', async () => {
    const noId = await bed.post('/customers/import', 'name,email\nX,x@example.com\n', await writer('text/csv'));
    const xml = await bed.post('/customers/import', '<customers/>', await writer('application/xml'));

    expect(noId).toEqual({
      status: 400,
      body: expect.objectContaining({
        code: 'UNREADABLE_IMPORT',
        detail: 'line 1: file: the header has no customer_id column',
      }),
    });
    expect(xml).toEqual({ status: 415, body: expect.objectContaining({ code: 'UNSUPPORTED_CONTENT_TYPE' }) });
    expect(
      (await bed.db.query(`SELECT count(*)::int AS n FROM "${bed.schema}".customers WHERE name = 'X'`)).rows[0].n,
    ).toBe(0);
  });

  it('imports a file from the command line (cli.ts import-customers) and exits 3 when rows were rejected', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'customers-'));
    const file = join(dir, 'crm.csv');
    await writeFile(
      file,
      csvOf([
        { customer_id: 'cli-1', email: 'cli@example.com' },
        { customer_id: 'cli-2', phone: '12' },
      ]),
    );

    const cli = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'services/survey-dispatch/src/cli.ts',
        'import-customers',
        file,
        '--url',
        bed.url,
        '--token',
        (await writer()).token,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(cli, 'exit');

    expect(code).toBe(3);
    expect(JSON.parse(output)).toMatchObject({ imported: 1, rejected: 1, problems: [{ line: 3, field: 'phone' }] });
    await kafka.eventually(Topics.CustomerUpserted, (e) => e.customerId === 'cli-1');
  });

  it('documents its HTTP API with OpenAPI at /docs and /docs-json', async () => {
    const spec = await bed.get<{ paths: Record<string, unknown> }>('/docs-json');

    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/customers/import', '/surveys', '/suppressions', '/survey-requests']),
    );
    expect((await fetch(`${bed.url}/docs`)).status).toBe(200);
  });
});
