import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { LEDGER } from '../fixtures/ledger/ledger.definition';
import { CONSUMER_MODES } from './consumer.modes';

const EVENTS = 10000;
const KEYS = 50;

// A consumer killed with SIGKILL three times while it works through 10,000 events leaves every
// effect exactly once: the inbox drops redeliveries, commits trail effects so nothing is skipped.
// In batch mode each kill lands in the middle of a batch's transaction or between its commit and
// the offset commit.
describe.each(CONSUMER_MODES)('a consumer that crashes while it works ($mode)', ({ env }) => {
  const bed = serviceBed({ service: LEDGER, env });
  const { db, schema } = bed;

  it('applies every event exactly once across three SIGKILLs', async () => {
    let ledger = bed.process;
    const ids: string[] = [];
    for (let start = 0; start < EVENTS; start += 1000) {
      const batch = Array.from({ length: 1000 }, (_, i) => {
        const event = anEvent(Topics.ResponseReceived, { customerId: `c-${(start + i) % KEYS}` });
        ids.push(event.eventId);
        return event;
      });
      await bed.publish(Topics.ResponseReceived, batch);
    }

    const count = async () => Number((await db.query(`SELECT count(*) AS n FROM "${schema}".effects`)).rows[0].n);
    for (const threshold of [1000, 3500, 6000]) {
      await expectEventually(async () => expect(await count()).toBeGreaterThanOrEqual(threshold), {
        timeoutMs: 90000,
        intervalMs: 20,
      });
      expect((await ledger.stop('SIGKILL')).signal).toBe('SIGKILL');
      ledger = (await bed.start()).process;
    }
    await expectEventually(async () => expect(await count()).toBe(EVENTS), { timeoutMs: 120000, intervalMs: 500 });

    const { rows } = await db.query(
      `SELECT count(*) AS total, count(DISTINCT event_id) AS distinct_ids FROM "${schema}".effects`,
    );
    expect(rows[0]).toEqual({ total: String(EVENTS), distinct_ids: String(EVENTS) });
    const applied = await db.query(`SELECT event_id FROM "${schema}".effects`);
    expect(new Set(applied.rows.map((r) => r.event_id))).toEqual(new Set(ids));
  }, 300000); // three kill-and-rejoin rounds and a drain: more than the default 120 s on a loaded machine
});
