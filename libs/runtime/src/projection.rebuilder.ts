import type { DatabaseOptions } from '@nps/persistence';
import { pgClientConfig, runMigrations } from '@nps/persistence';
import { kafkaConfig, type KafkaConnection } from '@nps/messaging';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';

/**
 * Prepares a service to rebuild its projections: empties its schema (migrations applied again)
 * and forgets its consumer group's offsets, so its next start re-reads every input topic from
 * the beginning. Refuses while an instance of the service is consuming, or while its outbox
 * still holds unpublished events (they would be lost).
 */
export async function resetForReplay(
  database: DatabaseOptions,
  kafka: KafkaConnection & { groupId: string },
): Promise<void> {
  const admin = new Kafka(kafkaConfig(kafka)).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([kafka.groupId]);
    const members = groups[0]?.members.length ?? 0;
    if (members > 0)
      throw new Error(
        `consumer group "${kafka.groupId}" has ${members} running member(s): stop every instance of the service first`,
      );
    await assertOutboxEmpty(database);
    await dropSchema(database);
    await runMigrations(database);
    const known = (await admin.listGroups()).groups.some((group) => group.groupId === kafka.groupId);
    if (known) await admin.deleteGroups([kafka.groupId]);
  } finally {
    await admin.disconnect();
  }
}

async function withClient<T>(database: DatabaseOptions, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgClientConfig(database));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function assertOutboxEmpty(database: DatabaseOptions): Promise<void> {
  await withClient(database, async (client) => {
    const exists = await client.query(`SELECT to_regclass($1) AS outbox`, [`"${database.schema}".outbox`]);
    if (!exists.rows[0].outbox) return;
    const { rows } = await client.query(`SELECT count(*) AS n FROM "${database.schema}".outbox`);
    if (Number(rows[0].n) > 0)
      throw new Error(
        `${rows[0].n} event(s) still wait in "${database.schema}".outbox: start the service until they are published`,
      );
  });
}

async function dropSchema(database: DatabaseOptions): Promise<void> {
  await withClient(database, (client) => client.query(`DROP SCHEMA IF EXISTS "${database.schema}" CASCADE`));
}
