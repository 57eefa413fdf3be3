import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher } from '../event.publisher';
import { MessagingMetric, meter } from '../messaging.metrics';
import { MessagingSettings } from '../messaging.settings';
import { InfrastructureOutages, outageBackoff } from '../outage/infrastructure.outages';
import { TimeoutError, withTimeout } from '../with-timeout';
import { outboxChannel } from './outbox.writer';
import { RelayLock } from './relay.lock';
import { RelayWakeup } from './relay.wakeup';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  /** null: a tombstone. */
  payload: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Wait before the next round after one that published: the commits made meanwhile go out together
 * (under load, one produce request for many). Also the idle poll when no notification can wake the
 * relay (OUTBOX_RELAY_LISTEN=false, or LISTEN refused).
 */
const POLL_MS = 50;
const LOCK_POLL_MS = 1000;
const WORKER = 'outbox relay';
const DEPTH_TIMEOUT_MS = 2000;

/**
 * Publishes outbox rows to Kafka in id order (per key that is commit order, see
 * outbox.writer.ts) and deletes them once Kafka acknowledged them. One instance of a service
 * relays at a time: it holds a session advisory lock, proven before each batch (relay.lock.ts);
 * the others wait to take over. While Kafka or Postgres is down, rows stay in the outbox and the
 * relay waits with a capped backoff, logging once (docs/adr/0014-infrastructure-faults.md).
 * While rows keep coming it reads the outbox every 50 ms; idle, it waits for the NOTIFY of the
 * next committed insert (outbox.writer.ts) rather than polling (docs/adr/0050-relay-polls-only-while-busy.md).
 *
 * A batch that takes longer than OUTBOX_RELAY_BATCH_TIMEOUT_MS counts as stuck: the relay logs the
 * step it hung in, replaces its Kafka producer and starts over. Rows it may have published go out
 * again; consumers drop the copies by event id (the inbox).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private readonly lock: RelayLock;
  private readonly wakeup = new RelayWakeup();
  /** What the current batch is doing, for the log line of a stuck batch. */
  private step = 'idle';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly settings: MessagingSettings,
    private readonly outages: InfrastructureOutages = new InfrastructureOutages(),
  ) {
    const listen = settings.relayListens
      ? { channel: outboxChannel(settings.schema), onNotification: () => this.wakeup.wake() }
      : undefined;
    this.lock = new RelayLock(dataSource, `${settings.schema}:outbox-relay`, listen);
    meter()
      .createObservableGauge(MessagingMetric.outboxDepth, {
        description: 'Rows in the outbox not yet relayed to Kafka, counted when metrics are collected',
        unit: '{message}',
      })
      .addCallback(async (gauge) => {
        // Postgres down or slow: no figure, rather than a failed or hanging scrape.
        const timeout = new Promise<undefined>((resolve) =>
          setTimeout(() => resolve(undefined), DEPTH_TIMEOUT_MS).unref(),
        );
        const depth = await Promise.race([this.depth().catch(() => undefined), timeout]);
        if (depth !== undefined) gauge.observe(depth, { schema: settings.schema });
      });
  }

  /** Rows waiting in the outbox. */
  async depth(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS depth FROM "${this.settings.schema}".outbox`);
    return (row as { depth: number }).depth;
  }

  onApplicationBootstrap(): void {
    if (!this.settings.relayEnabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeup.wake();
    await this.loop;
    await this.lock.release();
  }

  /** Publishes one batch if this instance holds the relay lock; returns how many rows went out. */
  async relayOnce(): Promise<number> {
    this.step = 'proving its lock';
    if (!(await this.lock.prove())) {
      await sleep(LOCK_POLL_MS);
      return 0;
    }
    this.step = 'reading the outbox';
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT id, topic, message_key, payload, headers FROM "${this.settings.schema}".outbox ORDER BY id LIMIT $1`,
      [this.settings.relayBatchSize],
    );
    if (rows.length === 0) return 0;
    this.step = 'publishing to Kafka';
    await this.publisher.publishInOrder(
      rows.map((row) => ({
        topic: row.topic,
        message: { key: row.message_key, value: row.payload, headers: row.headers },
      })),
    );
    this.step = 'deleting the published rows';
    await this.dataSource.query(`DELETE FROM "${this.settings.schema}".outbox WHERE id = ANY($1::bigint[])`, [
      rows.map((r) => r.id),
    ]);
    return rows.length;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      try {
        const sent = await withTimeout(this.relayOnce(), this.settings.relayBatchTimeoutMs);
        this.outages.end(WORKER);
        backoff = 0;
        if (sent === 0) await this.idle();
        else if (sent < this.settings.relayBatchSize) await sleep(POLL_MS);
      } catch (error) {
        if (error instanceof TimeoutError) {
          this.startOver(error);
          continue;
        }
        backoff = outageBackoff(backoff, 100);
        if (!this.outages.begin(WORKER, error)) {
          this.logger.warn({ msg: `outbox relay failed, retrying in ${backoff} ms`, error: (error as Error).message });
        }
        await sleep(backoff);
      }
    }
  }

  /**
   * Nothing to send: wait for the NOTIFY of the next committed insert, then linger so the commits
   * right behind it share its produce request. Without a notification channel, poll.
   */
  private async idle(): Promise<void> {
    if (!this.lock.listening) return sleep(POLL_MS);
    await this.wakeup.wait(this.settings.relayIdleMs);
    await sleep(this.settings.relayLingerMs);
  }

  /** A batch that never settled: a hung send leaves kafkajs's producer in an unknown state, so it goes. */
  private startOver(timeout: TimeoutError): void {
    const stuck = `an outbox relay batch was stuck ${this.step} for ${timeout.ms} ms`;
    this.logger.error({ msg: `${stuck}: starting over with a new Kafka producer`, step: this.step, ms: timeout.ms });
    this.publisher.replaceProducer();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
