import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
 * instances: rows are claimed with FOR UPDATE SKIP LOCKED. NotificationPoller calls it on a timer.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly senders: NotificationSenders,
    private readonly env: CaseManagementEnv,
  ) {}

  /** Claims a batch of due notifications, sends each and records the result; false when none was due. */
  async dispatchDueBatch(): Promise<boolean> {
    const claimed = await this.notifications.claimDue(this.db.manager, BATCH, CLAIM_SECONDS);
    for (const notification of claimed) await this.deliver(notification);
    return claimed.length > 0;
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
