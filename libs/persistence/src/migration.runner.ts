import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseOptions } from './database.options';
import { ensureSchema } from './schema.creator';

/** Creates the schema if needed and applies pending migrations; returns the names applied. */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
