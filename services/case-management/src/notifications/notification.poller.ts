import { Injectable } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import { NotificationDispatcher } from './notification.dispatcher';

/** Sends due notifications every NOTIFY_INTERVAL_MS until none is left; an outage pauses it (ADR 0014). */
@Injectable()
export class NotificationPoller extends DueWorkPoller {
  constructor(dispatcher: NotificationDispatcher, env: CaseManagementEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'notification dispatcher',
      workers: 1,
      pollMs: env.NOTIFY_INTERVAL_MS,
      processNext: () => dispatcher.dispatchDueBatch(),
    });
  }
}
