import { type BaseEnv, ConfigError, loadEnv } from '@nps/config';
import { databaseOptionsFrom, runMigrations } from '@nps/persistence';
import { groupIdOf, kafkaConnectionFrom } from '@nps/messaging';
import { hasPrivacySettings, migrateKeyStore } from '@nps/privacy';
import type { ServiceDefinition } from './service.module';
import { resetForReplay } from './projection.rebuilder';
import { pruneOnce } from './retention.command';

const USAGE = 'usage: cli.js migrate | cli.js replay | cli.js prune [--now <ISO time>]';

/**
 * Entry of a service's `cli.ts`: `migrate` applies pending migrations; `replay` prepares a
 * rebuild of the service's projections from its input topics (docs/messaging.md, Replay); `prune`
 * runs one retention round (docs/privacy.md, Retention).
 */
export async function runServiceCli<E extends BaseEnv>(service: ServiceDefinition<E>, argv: string[]): Promise<void> {
  const [command] = argv;
  try {
    const env = loadEnv(service.env);
    const database = databaseOptionsFrom(env, service);
    if (command === 'migrate') {
      const applied = await runMigrations(database);
      process.stdout.write(
        `${service.name}: schema "${database.schema}": ${applied.length} migration(s) applied ${applied.join(', ')}\n`,
      );
      if (hasPrivacySettings(env)) {
        const keyStore = await migrateKeyStore(database, env.PRIVACY_SCHEMA);
        process.stdout.write(`${service.name}: key store schema "${env.PRIVACY_SCHEMA}": ${keyStore.length} applied\n`);
      }
    } else if (command === 'replay') {
      await resetForReplay(database, {
        ...kafkaConnectionFrom(env, `${service.name}-cli`),
        groupId: groupIdOf(service.name, env.KAFKA_TOPIC_PREFIX),
      });
      process.stdout.write(
        `${service.name}: schema "${database.schema}" emptied and consumer offsets forgotten; start the service to ` +
          `rebuild from its topics\n`,
      );
    } else if (command === 'prune') {
      const deleted = await pruneOnce(service, env, database, argv.slice(1));
      process.stdout.write(`${service.name}: deleted ${JSON.stringify(deleted)}\n`);
    } else {
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
    }
  } catch (error) {
    process.stderr.write(
      `${service.name}: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`,
    );
    process.exitCode = 1;
  }
}
