import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InfrastructureOutages } from '@nps/messaging';
import { DataSource } from 'typeorm';
import { CaseManagementEnv } from '../case-management.env';
import { SchemaTables } from '../database/schema.tables';
import { NotificationSenders, type PendingNotification } from './notification.senders';

const BATCH = 20;
/** A claimed notification is someone else's to retry after this, should its sender die mid-way. */
const CLAIM_SECONDS = 60;

/**
 * Sends queued notifications, retrying with exponential backoff; after NOTIFY_MAX_ATTEMPTS a
 * notification is `failed` with its last error, which the case screen shows. Safe with several
 * instances: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tables: SchemaTables,
    private readonly senders: NotificationSenders,
    private readonly env: CaseManagementEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.outages
        .guard('notification dispatcher', () => this.tick())
        .catch((error: Error) => this.logger.error({ msg: 'notification round failed', error: error.message }))
        .finally(() => (this.running = undefined));
    }, this.env.NOTIFY_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round: claim due notifications, send each, record the result. */
  async tick(): Promise<void> {
    const claimed: Record<string, unknown>[] = await this.db.query(
      `WITH claimed AS (UPDATE ${this.tables.of('notifications')} SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
       WHERE id IN (SELECT id FROM ${this.tables.of('notifications')} WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING *) SELECT * FROM claimed`,
    );
    for (const row of claimed) await this.deliver(row);
  }

  private async deliver(row: Record<string, unknown>): Promise<void> {
    const notification: PendingNotification = {
      id: Number(row.id),
      caseId: row.case_id as string,
      recipientId: row.recipient_id as string,
      channel: row.channel as PendingNotification['channel'],
      target: row.target as string,
      kind: row.kind as string,
      subject: row.subject as string,
      body: row.body as string,
    };
    const attempts = row.attempts as number;
    try {
      await this.senders.send(notification);
      await this.db.query(`UPDATE ${this.tables.of('notifications')} SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [notification.id]);
    } catch (error) {
      const message = (error as Error).message;
      const failed = attempts >= this.env.NOTIFY_MAX_ATTEMPTS;
      const delayMs = this.env.NOTIFY_RETRY_BACKOFF_MS * 2 ** (attempts - 1);
      this.logger.warn({ msg: failed ? 'notification failed for good' : 'notification failed, will retry', notification: notification.id, channel: notification.channel, attempts, error: message });
      await this.db.query(
        `UPDATE ${this.tables.of('notifications')} SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
        [notification.id, failed ? 'failed' : 'pending', message, delayMs / 1000],
      );
    }
  }
}
