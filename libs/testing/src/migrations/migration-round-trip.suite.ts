import { type DatabaseOptions, revertMigrations, runMigrations } from '@nps/persistence';
import { freshName, testDatabaseUrl } from '../test-namespace';
import { type SchemaSnapshot, snapshotOf } from './schema.snapshot';

type Migrations = DatabaseOptions['migrations'];
type MigrationClass = new (...args: never[]) => unknown;

/**
 * Every migration of a service undone and done again, on a schema of its own: each `down` must leave
 * the schema exactly as it was before its `up` (objects and row counts), so `cli.js migrate:revert`
 * can be trusted after a rollback (docs/deploy.md), and applying them again gives the same schema.
 */
export function describeMigrationRoundTrip(service: { name: string; migrations: Migrations }): void {
  describe(`${service.name}: migrations undone and done again`, () => {
    // Class names are the migrations' names (a workspace convention); TypeORM orders them by timestamp.
    const migrations = [...(service.migrations as MigrationClass[])].sort((a, b) =>
      timestampOf(a.name).localeCompare(timestampOf(b.name)),
    );
    const schema = freshName(`${service.name.replace(/-/g, '_')}_migrations`);
    const options = (upTo: number): DatabaseOptions => ({
      url: testDatabaseUrl(),
      schema,
      entities: [],
      migrations: migrations.slice(0, upTo),
    });
    // before[i]: the schema with the first i migrations applied.
    const before: SchemaSnapshot[] = [];

    it('applies each migration in turn', async () => {
      for (let i = 0; i < migrations.length; i++) {
        const applied = await runMigrations(options(i));
        expect(applied.length).toBe(i === 0 ? 0 : 1);
        before.push(await snapshotOf(testDatabaseUrl(), schema));
      }
      expect(await runMigrations(options(migrations.length))).toHaveLength(1);
    });

    it('undoes each one to the schema it found', async () => {
      expect(before).toHaveLength(migrations.length);
      const all = options(migrations.length);
      for (let i = migrations.length - 1; i >= 0; i--) {
        const name = migrations[i].name;
        expect(await revertMigrations(all, 1)).toEqual([name]);
        expect({ [name]: await snapshotOf(testDatabaseUrl(), schema) }).toEqual({ [name]: before[i] });
      }
      expect(await revertMigrations(all, 1)).toEqual([]);
    });

    it('applies them all again', async () => {
      const applied = await runMigrations(options(migrations.length));
      expect(applied).toEqual(migrations.map((migration) => migration.name));
    });
  });
}

function timestampOf(name: string): string {
  return /\d{13}$/.exec(name)?.[0] ?? name;
}
