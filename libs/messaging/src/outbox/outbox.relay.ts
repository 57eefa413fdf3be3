import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { EventPublisher } from '../event.publisher';
import { MessagingSettings } from '../messaging.settings';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

const IDLE_POLL_MS = 50;
const MAX_BACKOFF_MS = 5000;

/**
 * Publishes outbox rows to Kafka in id order (per key that is commit order, see
 * outbox.writer.ts) and deletes them once Kafka acknowledged them. One instance of a service
 * relays at a time: it holds a session advisory lock; the others wait to take over. While Kafka
 * is down, rows stay in the outbox and the relay retries with backoff.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private lockHolder?: QueryRunner;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: MessagingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.relayEnabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.lockHolder?.release();
  }

  /** Publishes one batch if this instance holds the relay lock; returns how many rows went out. */
  async relayOnce(): Promise<number> {
    if (!(await this.holdsLock())) return 0;
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT id, topic, message_key, payload, headers FROM "${this.settings.schema}".outbox ORDER BY id LIMIT $1`,
      [this.settings.relayBatchSize],
    );
    if (rows.length === 0) return 0;
    await this.publisher.publishInOrder(
      rows.map((row) => ({ topic: row.topic, message: { key: row.message_key, value: row.payload, headers: row.headers } })),
    );
    await this.dataSource.query(`DELETE FROM "${this.settings.schema}".outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return rows.length;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      try {
        const sent = await this.relayOnce();
        backoff = 0;
        if (sent < this.settings.relayBatchSize) await sleep(IDLE_POLL_MS);
      } catch (error) {
        backoff = Math.min(MAX_BACKOFF_MS, Math.max(100, backoff * 2));
        this.logger.warn({ msg: `outbox relay failed, retrying in ${backoff} ms`, error: (error as Error).message });
        await sleep(backoff);
      }
    }
  }

  private async holdsLock(): Promise<boolean> {
    if (this.lockHolder && !this.lockHolder.isReleased) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1), 0) AS locked`, [`${this.settings.schema}:outbox-relay`]);
    if (locked) {
      this.lockHolder = runner;
      return true;
    }
    await runner.release();
    await sleep(1000);
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
