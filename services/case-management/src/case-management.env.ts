import { BaseEnv, DevelopmentDefault } from '@nps/config';
import { WithOutboundSettings } from '@nps/outbound';
import { WithPrivacySettings } from '@nps/privacy';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Configuration of case-management: cases, routing, SLAs, escalation, notifications (tokens: OIDC_*, ADR 0016). */
export class CaseManagementEnv extends WithOutboundSettings(WithPrivacySettings(BaseEnv)) {
  override PORT: number = 3005;

  /**
   * Batch mode by default (docs/adr/0039-batch-consumer.md): a batch's cases are assigned once per
   * team at its end (case-intake/case.assigner.ts). npm run bench:cases, one team, 3 partitions:
   * a 3,000-detractor burst at 187 cases/s against 130 one record per transaction (issue #15).
   * 128 records of a partition per transaction since ADR 0075 (32 before): a 20,000-answer import went through the
   * whole loop about a fifth faster.
   */
  override CONSUMER_BATCH_SIZE: number = 128;

  /**
   * All partitions of a fetch at once, so that a topic's are applied in one transaction
   * (docs/adr/0047-partitions-applied-together.md).
   */
  override CONSUMER_PARTITIONS_CONCURRENTLY: number = 32;

  /** The team a detractor goes to when no routing rule matches; created on start if missing. */
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be a lower-kebab-case id' })
  DEFAULT_TEAM_ID = 'customer-care';

  /** Time zone of the default team's business hours when it is created. */
  @IsString()
  DEFAULT_TEAM_TIME_ZONE = 'Europe/Amsterdam';

  /** How often the SLA watcher looks for breached deadlines. */
  @IsInt()
  @Min(100)
  @Max(3600000)
  SLA_WATCH_INTERVAL_MS: number = 30000;

  /** Email address escalations go to after the team lead, when a team names no escalation member. */
  @IsOptional()
  @IsString()
  ESCALATION_CONTACT_EMAIL?: string;

  /** Days after closing within which a case may be reopened. */
  @IsInt()
  @Min(0)
  @Max(3650)
  REOPEN_WINDOW_DAYS: number = 30;

  /** SMTP server for notification emails. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  NOTIFY_FROM = 'NPS cases <cases@nps.local>';

  /** Slack-compatible incoming webhook for notifications (a team's own URL wins); none when empty. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  NOTIFY_WEBHOOK_URL?: string;

  /** Standard Webhooks signing secret, `whsec_` + base64. */
  @Matches(/^whsec_[A-Za-z0-9+/=]+$/, { message: 'must be whsec_ followed by base64' })
  @DevelopmentDefault()
  NOTIFY_WEBHOOK_SECRET = 'whsec_bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1zZWNyZXQ=';

  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFY_MAX_ATTEMPTS: number = 5;

  /** Days a sent notification is kept (pending and failed ones stay: the case screen shows them). */
  @IsInt()
  @Min(1)
  @Max(3650)
  SENT_NOTIFICATION_RETENTION_DAYS: number = 90;

  /** Days the activity of a closed case is kept; open cases keep their whole history. */
  @IsInt()
  @Min(1)
  @Max(3650)
  CASE_ACTIVITY_RETENTION_DAYS: number = 730;

  /**
   * Days a resolved or closed case is kept after it was resolved or closed, with its activity, notes, notifications
   * and recovery; also how long skipped detractors and account-risk alerts are kept. Open cases are never pruned.
   */
  @IsInt()
  @Min(1)
  @Max(36500)
  CASE_RETENTION_DAYS: number = 1095;

  /** First retry delay of a failed notification; doubles per attempt. */
  @IsInt()
  @Min(10)
  @Max(3600000)
  NOTIFY_RETRY_BACKOFF_MS: number = 5000;

  /** How often pending notifications are sent. */
  @IsInt()
  @Min(50)
  @Max(600000)
  NOTIFY_INTERVAL_MS: number = 1000;

  /** Base URL of the case screens, for links in notifications: the ops console's case page (docs/ops-console.md). */
  @IsString()
  CASE_LINK_BASE_URL = 'http://127.0.0.1:3000/cases';

  @IsIn(['true', 'false'])
  SLA_WATCH_ENABLED: 'true' | 'false' = 'true';

  /** Detractor cases of one B2B account are counted over this many days (docs/outer-loop.md, Accounts). */
  @IsInt()
  @Min(1)
  @Max(365)
  ACCOUNT_RISK_WINDOW_DAYS: number = 30;

  /** This many detractor cases of one account within the window flag it as at risk, once per window. */
  @IsInt()
  @Min(2)
  @Max(1000)
  ACCOUNT_RISK_THRESHOLD: number = 3;
}
