import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { encodeEvent, Topics } from '@nps/contracts';
import { EventPublisher } from '@nps/messaging';
import { aResponseReceived, expectEventually, testDatabaseUrl } from '@nps/testing';
import { ledgerBed } from '../fixtures/ledger/ledger.process';

const run = promisify(execFile);

// `cli.js replay` empties a stopped service's schema and forgets its offsets; started again,
// the service rebuilds the same projection from its input topics.
describe('replay', () => {
  const bed = ledgerBed();
  const { db, brokers } = bed;

  it('rebuilds the projection from the beginning of the topics into an empty schema', async () => {
    const { schema, topicPrefix } = await bed.namespace();
    const env = { ...process.env, KAFKA_BROKERS: brokers, DATABASE_URL: testDatabaseUrl(), DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: topicPrefix };
    const cli = (command: string) => run(process.execPath, ['-r', '@swc-node/register', 'tests/fixtures/ledger/cli.ts', command], { cwd: resolve(__dirname, '../..'), env });

    const ledger = (await bed.start({ schema, topicPrefix })).process;
    const publisher = new EventPublisher({ brokers, clientId: 'response-ingestion', topicPrefix });
    await publisher.onModuleInit();
    const events = Array.from({ length: 20 }, (_, i) => encodeEvent(Topics.ResponseReceived, aResponseReceived().forCustomer(`c-${i % 4}`).build(), { source: 'test' }));
    await publisher.publish(Topics.ResponseReceived.name, events);
    await publisher.onApplicationShutdown();
    const projection = async () => (await db.query(`SELECT event_id FROM "${schema}".effects ORDER BY event_id`)).rows.map((r) => r.event_id);
    await expectEventually(async () => expect(await projection()).toHaveLength(20));
    const before = await projection();

    await expect(cli('replay')).rejects.toThrow(/running member/); // refuses while the service runs
    expect((await ledger.stop('SIGTERM')).code).toBe(0);
    const { stdout } = await cli('replay');
    expect(stdout).toContain('emptied');
    expect(await projection()).toEqual([]);

    await bed.start({ schema, topicPrefix });
    await expectEventually(async () => expect(await projection()).toEqual(before), { timeoutMs: 60000 });
  });
});
