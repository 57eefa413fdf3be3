import { BaseEnv } from '@nps/config';
import { fixedClock, RetentionRules, SchemaTables } from '@nps/persistence';
import { freshSchema, migratedDataSource } from '@nps/testing';
import type { DataSource } from 'typeorm';
import { MessagingTables1763856000000 } from '../migrations/1763856000000-messaging-tables';
import { InfrastructureOutages } from '../outage/infrastructure.outages';
import { RetentionJob } from './retention.job';

// Expired rows go in batches, younger ones and those a rule's condition keeps stay; "now" is the
// clock's, not the database's, so the rows are dated around a clock set a year back.
describe('RetentionJob against a real database', () => {
  let dataSource: DataSource;
  let schema: string;

  beforeAll(async () => {
    schema = await freshSchema('retention');
    dataSource = await migratedDataSource(schema, [MessagingTables1763856000000]);
    await dataSource.query(
      `CREATE TABLE "${schema}".notices (id serial PRIMARY KEY, sent boolean NOT NULL, sent_at timestamptz NOT NULL)`,
    );
  });

  afterAll(() => dataSource?.destroy());

  it('prunes the inbox past INBOX_RETENTION_DAYS and the registered tables past their own age', async () => {
    const env = Object.assign(new BaseEnv(), { INBOX_RETENTION_DAYS: 37, RETENTION_BATCH_SIZE: 7 });
    const notices = `"${schema}".notices`;
    const rules = RetentionRules.of(env, new SchemaTables(schema), () => [
      { name: 'notices', table: notices, datedBy: 'sent_at', maxAgeDays: 10, onlyWhere: 'sent' },
    ]);
    const now = new Date(Date.now() - 365 * 24 * 3600_000);
    const job = new RetentionJob(dataSource, env, rules, fixedClock(now), new InfrastructureOutages());
    const clock = `'${now.toISOString()}'::timestamptz`;

    const inbox = `"${schema}".inbox`;
    await dataSource.query(`INSERT INTO ${inbox} (event_id, topic, processed_at)
      SELECT 'old-' || i, 't', ${clock} - interval '38 days' FROM generate_series(1, 50) i
      UNION ALL SELECT 'new-' || i, 't', ${clock} - interval '36 days' FROM generate_series(1, 5) i`);
    await dataSource.query(`INSERT INTO ${notices} (sent, sent_at)
      SELECT true, ${clock} - interval '11 days' FROM generate_series(1, 20)
      UNION ALL SELECT false, ${clock} - interval '11 days' FROM generate_series(1, 3)
      UNION ALL SELECT true, ${clock} - interval '9 days' FROM generate_series(1, 4)`);

    expect(await job.prune()).toEqual({ inbox: 50, notices: 20 });
    const left = await dataSource.query(`SELECT event_id FROM ${inbox} ORDER BY event_id`);
    const ids = left.map((row: { event_id: string }) => row.event_id);
    expect(ids).toEqual(['new-1', 'new-2', 'new-3', 'new-4', 'new-5']);
    const kept = await dataSource.query(`SELECT sent, count(*)::int AS n FROM ${notices} GROUP BY sent ORDER BY sent`);
    expect(kept).toEqual([
      { sent: false, n: 3 },
      { sent: true, n: 4 },
    ]);
    expect(await job.prune()).toEqual({ inbox: 0, notices: 0 });
  });
});
