import { type BaseEnv, ConfigError, loadEnv } from '@nps/config';
import { databaseOptionsFrom, runMigrations } from '@nps/persistence';
import type { ServiceDefinition } from './service.module';

/** Entry of a service's `migrate.ts`: applies its pending migrations and exits. */
export async function runMigrationsCli<E extends BaseEnv>(service: ServiceDefinition<E>): Promise<void> {
  try {
    const env = loadEnv(service.env);
    const options = databaseOptionsFrom(env, service);
    const applied = await runMigrations(options);
    process.stdout.write(`${service.name}: schema "${options.schema}": ${applied.length} migration(s) applied ${applied.join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`${service.name}: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
