import { MIGRATION_LOCK_SCOPE, qualifiedTable, runMigrations } from '@nps/persistence';
import { freshName, testDatabaseUrl } from '@nps/testing';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Slow enough that a second runner starts while the first is inside it; longer than the statement timeout. */
class CreateThings1700000000001 implements MigrationInterface {
  name = 'CreateThings1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'things')} (id int PRIMARY KEY)`);
    await runner.query('SELECT pg_sleep(0.5)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'things')}`);
  }
}

/** Fails if applied twice (duplicate key). */
class SeedThing1700000000002 implements MigrationInterface {
  name = 'SeedThing1700000000002';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`INSERT INTO ${qualifiedTable(runner, 'things')} (id) VALUES (1)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM ${qualifiedTable(runner, 'things')} WHERE id = 1`);
  }
}

// Instances starting at once (DB_MIGRATIONS_RUN) and a migration Job take turns (docs/adr/0026).
describe('runMigrations, two at once on a fresh schema', () => {
  it('both succeed and each migration is applied once', async () => {
    const schema = freshName('migration_lock'); // not created yet: the runners create it
    const options = {
      url: testDatabaseUrl(),
      schema,
      entities: [],
      migrations: [CreateThings1700000000001, SeedThing1700000000002],
      statementTimeoutMs: 100, // services' timeout; migrations run without it
    };

    const results = await Promise.all([runMigrations(options), runMigrations(options)]);

    expect(results.map((applied) => applied.length).sort()).toEqual([0, 2]);
    expect(results.flat()).toEqual(['CreateThings1700000000001', 'SeedThing1700000000002']);
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const applied = await client.query(`SELECT name FROM "${schema}".migrations ORDER BY id`);
      expect(applied.rows.map((row) => row.name)).toEqual(['CreateThings1700000000001', 'SeedThing1700000000002']);
      expect((await client.query(`SELECT id FROM "${schema}".things`)).rows).toEqual([{ id: 1 }]);
      // Released with the runners' sessions: free for the next one.
      const lock = await client.query('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS free', [
        MIGRATION_LOCK_SCOPE,
        schema,
      ]);
      expect(lock.rows[0].free).toBe(true);
    } finally {
      await client.end();
    }
  });
});
