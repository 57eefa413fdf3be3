import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InfrastructureOutages } from '@nps/messaging';
import { DataSource } from 'typeorm';
import { CaseManagementEnv } from '../case-management.env';
import { type ClaimedNotification, NotificationRepository } from './notification.repository';
import { NotificationSenders } from './notification.senders';

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
    private readonly notifications: NotificationRepository,
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
    const claimed = await this.notifications.claimDue(this.db.manager, BATCH, CLAIM_SECONDS);
    for (const notification of claimed) await this.deliver(notification);
  }

  private async deliver(notification: ClaimedNotification): Promise<void> {
    const { attempts } = notification;
    try {
      await this.senders.send(notification);
      await this.notifications.markSent(this.db.manager, notification.id);
    } catch (error) {
      const message = (error as Error).message;
      const failed = attempts >= this.env.NOTIFY_MAX_ATTEMPTS;
      const delayMs = this.env.NOTIFY_RETRY_BACKOFF_MS * 2 ** (attempts - 1);
      this.logger.warn({
        msg: failed ? 'notification failed for good' : 'notification failed, will retry',
        notification: notification.id,
        channel: notification.channel,
        attempts,
        error: message,
      });
      await this.notifications.markAttemptFailed(this.db.manager, notification.id, {
        failed,
        error: message,
        retryInSeconds: delayMs / 1000,
      });
    }
  }
}
