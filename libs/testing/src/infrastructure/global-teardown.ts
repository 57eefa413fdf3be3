import type { TestInfrastructure } from './infrastructure';
import { removeRunLeftovers } from './run-leftovers';

const state = globalThis as typeof globalThis & { npsInfrastructure?: Promise<TestInfrastructure>; npsUsers?: number };

export default async function globalTeardown(): Promise<void> {
  state.npsUsers = (state.npsUsers ?? 1) - 1;
  if (state.npsUsers > 0 || !state.npsInfrastructure) return;
  const infrastructure = await state.npsInfrastructure;
  state.npsInfrastructure = undefined;
  const runId = process.env.NPS_TEST_RUN_ID;
  if (runId) await removeRunLeftovers(infrastructure.kafkaBrokers, infrastructure.databaseUrl, runId);
  await infrastructure.release();
}
