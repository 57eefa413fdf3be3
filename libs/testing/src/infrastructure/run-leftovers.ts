import { Client } from 'pg';
import { testKafka } from '../kafka/test-kafka';

/**
 * Deletes the topics and schemas a test run created (their names carry `_<runId>_`, see
 * test-namespace.ts), so a long-lived local broker and database do not grow with every run.
 */
export async function removeRunLeftovers(kafkaBrokers: string, databaseUrl: string, runId: string): Promise<void> {
  const marker = `_${runId}_`;
  const admin = testKafka(kafkaBrokers, 'test-cleanup').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.includes(marker));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 60000 });
  } finally {
    await admin.disconnect();
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE strpos(nspname, $1) > 0`,
      [marker],
    );
    for (const { name } of rows) await db.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await db.end();
  }
}
