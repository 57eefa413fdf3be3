import { aroundLimit, expectEventually, serviceBed } from '@nps/testing';

const NOW = new Date('2025-06-01T12:00:00Z');
const INBOX = aroundLimit(NOW, 97);

const inboxIds = async (bed: ReturnType<typeof serviceBed>) =>
  (await bed.db.query<{ event_id: string }>(`SELECT event_id FROM inbox ORDER BY 1`)).rows.map((row) => row.event_id);

// The retention rules run inside the real service on its schedule, and once from its command line.
describe('scoring retention in the running service', () => {
  const bed = serviceBed({ service: 'scoring', env: { RETENTION_INTERVAL_MS: '500' } });

  it('prunes on its schedule and counts the deleted rows per rule at /metrics', async () => {
    await bed.db.query(
      `INSERT INTO inbox (event_id, topic, processed_at) VALUES ('ancient', 't', now() - interval '200 days')`,
    );
    await expectEventually(async () => expect(await inboxIds(bed)).not.toContain('ancient'));
    await expectEventually(async () => {
      const text = await (await fetch(`${bed.url}/metrics`)).text();
      expect(text).toMatch(/^nps_retention_deleted_rows_total\{[^}]*rule="inbox"[^}]*\} [1-9]/m);
      expect(text).toMatch(/^nps_retention_deleted_rows_total\{[^}]*rule="scored responses"[^}]*\} 0/m);
    });
  });
});

describe('cli.js prune', () => {
  const bed = serviceBed({ service: 'scoring', autoStart: false });

  it('runs one round as of an earlier moment, and refuses a later one', async () => {
    await bed.cli('migrate');
    await bed.db.query(`INSERT INTO inbox (event_id, topic, processed_at) VALUES ('old', 't', $1), ('new', 't', $2)`, [
      INBOX.expired,
      INBOX.kept,
    ]);

    const { stdout } = await bed.cli('prune', '--now', NOW.toISOString());
    expect(stdout).toContain('"inbox":1');
    expect(await inboxIds(bed)).toEqual(['new']);

    const future = bed.cli('prune', '--now', new Date(Date.now() + 3600_000).toISOString());
    await expect(future).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('may not be in the future'),
    });
    expect(await inboxIds(bed)).toEqual(['new']);
  }, 240000); // three runs of the command line, each compiling the service on start
});
