import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RetentionJob } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import { SchemaTables } from '@nps/persistence';

/** Prunes sent notifications and the old activity of closed cases (docs/messaging.md, Retention). */
@Injectable()
export class CaseManagementRetention implements OnModuleInit {
  constructor(
    private readonly retention: RetentionJob,
    private readonly tables: SchemaTables,
    private readonly env: CaseManagementEnv,
  ) {}

  onModuleInit(): void {
    this.retention.register({
      name: 'sent notifications',
      table: this.tables.of('notifications'),
      datedBy: 'sent_at',
      maxAgeDays: this.env.SENT_NOTIFICATION_RETENTION_DAYS,
      onlyWhere: `status = 'sent'`,
    });
    this.retention.register({
      name: 'case activity',
      table: this.tables.of('case_activities'),
      datedBy: 'at',
      maxAgeDays: this.env.CASE_ACTIVITY_RETENTION_DAYS,
      onlyWhere: `case_id IN (SELECT id FROM ${this.tables.of('cases')} WHERE status = 'closed')`,
    });
  }
}
