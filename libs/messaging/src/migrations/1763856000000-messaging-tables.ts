import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events a service has committed to publish, deleted once Kafka has them) and the
 * inbox (ids of events a service has already applied), in the service's own schema. Every
 * service lists this migration first.
 */
export class MessagingTables1763856000000 implements MigrationInterface {
  name = 'MessagingTables1763856000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'outbox')} (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner, 'inbox')} (
        event_id text PRIMARY KEY,
        topic text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'inbox')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'outbox')}`);
  }
}
