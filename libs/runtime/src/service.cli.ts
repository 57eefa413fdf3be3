import { type BaseEnv, ConfigError, loadEnv } from '@nps/config';
import { databaseOptionsFrom, revertMigrations, runMigrations } from '@nps/persistence';
import { groupIdOf, kafkaConnectionFrom } from '@nps/messaging';
import { hasPrivacySettings, migrateKeyStore } from '@nps/privacy';
import type { ServiceDefinition } from './service.module';
import { resetForReplay } from './projection.rebuilder';
import { pruneOnce } from './retention.command';

const USAGE = 'usage: cli.js migrate | cli.js migrate:revert [count] | cli.js replay | cli.js prune [--now <ISO time>]';

/**
 * Entry of a service's `cli.ts`: `migrate` applies pending migrations; `migrate:revert` undoes the
 * last `count` (1) applied ones, newest first (docs/deploy.md, Rolling back); `replay` prepares a
 * rebuild of the service's projections from its input topics (docs/messaging.md, Replay); `prune`
 * runs one retention round (docs/privacy.md, Retention).
 */
export async function runServiceCli<E extends BaseEnv>(service: ServiceDefinition<E>, argv: string[]): Promise<void> {
  const [command] = argv;
  const revertCount = command === 'migrate:revert' ? countOf(argv[1]) : undefined;
  if (revertCount === null) {
    process.stderr.write(`${service.name}: migrate:revert takes a whole number above 0 (got "${argv[1]}")\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
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
    } else if (revertCount !== undefined) {
      const reverted = await revertMigrations(database, revertCount);
      const names = reverted.join(', ');
      process.stdout.write(
        `${service.name}: schema "${database.schema}": ${reverted.length} migration(s) reverted ${names}\n`,
      );
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

/** The count of `migrate:revert`: 1 when absent, null when not a whole number above 0. */
function countOf(argument: string | undefined): number | null {
  if (argument === undefined) return 1;
  return /^[1-9]\d{0,5}$/.test(argument) ? Number(argument) : null;
}
