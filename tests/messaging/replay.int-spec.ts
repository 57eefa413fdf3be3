import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { LEDGER } from '../fixtures/ledger/ledger.definition';

// `cli.js replay` empties a stopped service's schema and forgets its offsets; started again,
// the service rebuilds the same projection from its input topics.
describe('replay', () => {
  const bed = serviceBed({ service: LEDGER });
  const { db, schema } = bed;

  it('rebuilds the projection from the beginning of the topics into an empty schema', async () => {
    const cli = (command: string) => bed.cli(command);

    const ledger = bed.process;
    const events = Array.from({ length: 20 }, (_, i) => anEvent(Topics.ResponseReceived, { customerId: `c-${i % 4}` }));
    await bed.publish(Topics.ResponseReceived, events);
    const projection = async () =>
      (await db.query(`SELECT event_id FROM "${schema}".effects ORDER BY event_id`)).rows.map((r) => r.event_id);
    await expectEventually(async () => expect(await projection()).toHaveLength(20));
    const before = await projection();

    await expect(cli('replay')).rejects.toThrow(/running member/); // refuses while the service runs
    expect((await ledger.stop('SIGTERM')).code).toBe(0);
    const { stdout } = await cli('replay');
    expect(stdout).toContain('emptied');
    expect(await projection()).toEqual([]);

    await bed.start();
    await expectEventually(async () => expect(await projection()).toEqual(before), { timeoutMs: 60000 });
  });
});
