import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '@nps/persistence';
import { provideInfrastructure, type TestInfrastructure } from './infrastructure';

// Jest runs every project's global setup in this one parent process: share one infrastructure.
const state = globalThis as typeof globalThis & { npsInfrastructure?: Promise<TestInfrastructure>; npsUsers?: number };

export default async function globalSetup(): Promise<void> {
  state.npsUsers = (state.npsUsers ?? 0) + 1;
  state.npsInfrastructure ??= provideInfrastructure();
  const infrastructure = await state.npsInfrastructure;
  await ensureDatabase(infrastructure.databaseUrl);
  // Workers start after this and inherit the environment.
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.NPS_TEST_RUN_ID ??= randomBytes(3).toString('hex');
  if (state.npsUsers === 1) {
    process.stdout.write(`\ntest infrastructure: ${infrastructure.source} (kafka ${infrastructure.kafkaBrokers})\n`);
  }
}
