import { WithOutboundSettings } from '@nps/outbound';
import { WithPrivacySettings } from '@nps/privacy';
import { SurveyLinkEnv } from '@nps/survey-links';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

const ATTRIBUTE_RULE = String.raw`(customer|touchpoint)\.[A-Za-z0-9_-]+=[^,:=]*:(never|\d{1,4}d)`;
const CONTACT_ATTRIBUTE_RULES_PATTERN = new RegExp(`^(none|${ATTRIBUTE_RULE}(,${ATTRIBUTE_RULE})*)$`);

/**
 * Configuration of survey-dispatch: contacts, contact policy, survey sending (README, Configuration); webhooks and
 * the SMS gateway are called under the OUTBOUND_* rules (docs/security.md, Outbound calls).
 */
export class SurveyDispatchEnv extends WithOutboundSettings(WithPrivacySettings(SurveyLinkEnv)) {
  override PORT: number = 3001;

  /** At most one survey per customer within this many days, whatever the touchpoint; 0 turns the cap off. */
  @IsInt()
  @Min(0)
  @Max(3650)
  CONTACT_CAP_DAYS: number = 30;

  /** Caps per touchpoint type, `type:days` pairs, e.g. `ticket-closed:60,order-delivered:90`. */
  @Matches(/^(none|[a-z0-9-]+:\d{1,4}(,[a-z0-9-]+:\d{1,4})*)$/, {
    message: 'must be "none" or comma-separated type:days pairs',
  })
  CONTACT_CAP_PER_TYPE = 'none';

  /**
   * Attribute rules, `customer|touchpoint.<attribute>=<value>:never|<days>d`, comma-separated,
   * e.g. `customer.segment=internal:never,customer.tier=platinum:90d`.
   */
  @Matches(CONTACT_ATTRIBUTE_RULES_PATTERN, {
    message: 'must be "none" or comma-separated customer|touchpoint.<attribute>=<value>:never|<days>d rules',
  })
  CONTACT_ATTRIBUTE_RULES = 'none';

  /**
   * Local time window (`HH:mm-HH:mm`, in the customer's time zone) in which no survey is sent; sends wait for its end.
   * `off` disables.
   */
  @Matches(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, { message: 'must be HH:mm-HH:mm or off' })
  QUIET_HOURS = '21:00-08:00';

  /** IANA time zone of customers imported without one. */
  @IsString()
  DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

  /**
   * Days a closed survey request, a suppression and a decided recovery survey are kept (docs/privacy.md,
   * Retention); never fewer than the longest contact cap, which counts the requests.
   */
  @IsInt()
  @Min(1)
  @Max(36500)
  DISPATCH_RETENTION_DAYS: number = 365;

  /** How long a survey link accepts an answer after the survey was sent. */
  @IsInt()
  @Min(1000)
  SURVEY_EXPIRY_MS: number = 14 * 24 * 60 * 60 * 1000;

  /** One reminder this long after sending when no answer came; 0 sends none. */
  @IsInt()
  @Min(0)
  REMINDER_DELAY_MS: number = 3 * 24 * 60 * 60 * 1000;

  /**
   * Wait between a detractor's case being resolved (or held out) and the recovery re-survey that measures whether
   * the follow-up worked (docs/outer-loop.md).
   */
  @IsInt()
  @Min(0)
  @Max(365 * 24 * 60 * 60 * 1000)
  RECOVERY_SURVEY_DELAY_MS: number = 14 * 24 * 60 * 60 * 1000;

  /**
   * How long a touchpoint or a promoter follow-up of a customer nobody imported yet is held for a CRM import that may
   * still bring them (ADR 0066, 0070); 0 suppresses or skips it for good at once.
   */
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 60 * 60 * 1000)
  UNKNOWN_CUSTOMER_HOLD_MS: number = 2 * 24 * 60 * 60 * 1000;

  /** Delivery attempts per survey or reminder before giving up (transient failures only). */
  @IsInt()
  @Min(1)
  @Max(50)
  SEND_MAX_ATTEMPTS: number = 5;

  /** Delay before the second delivery attempt; doubles per attempt. */
  @IsInt()
  @Min(0)
  @Max(3600000)
  SEND_RETRY_BACKOFF_MS: number = 30000;

  /**
   * Due surveys one instance delivers at the same time (each holds a database connection while it talks to the
   * provider).
   */
  @IsInt()
  @Min(1)
  @Max(8)
  SEND_CONCURRENCY: number = 4;

  /** How often the sender looks for due surveys, reminders and expiries. */
  @IsInt()
  @Min(50)
  @Max(60000)
  SCHEDULER_POLL_MS: number = 1000;

  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  SMTP_FROM = 'Customer feedback <feedback@nps.local>';

  /** HTTP endpoint SMS surveys are POSTed to (JSON `{to, text, ...}`); unset: no SMS channel. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  /** Webhook for customers without a webhook URL of their own; unset: only customers with one get webhook surveys. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  WEBHOOK_URL?: string;

  /** Timeout of one SMTP or HTTP delivery attempt. */
  @IsInt()
  @Min(100)
  @Max(120000)
  DELIVERY_TIMEOUT_MS: number = 10000;

  /** What a promoter (9-10) gets once per answer (docs/adr/0032-promoter-actions-and-account-nps.md). */
  @IsIn(['none', 'thank-you', 'referral', 'review'])
  PROMOTER_ACTION: 'none' | 'thank-you' | 'referral' | 'review' = 'thank-you';

  /** How the promoter action goes out: an email to the customer, or a signed POST to PROMOTER_WEBHOOK_URL. */
  @IsIn(['email', 'webhook'])
  PROMOTER_DELIVERY: 'email' | 'webhook' = 'email';

  /** The page a referral invitation links to. */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  PROMOTER_REFERRAL_URL = 'http://localhost:3000/refer';

  /** The page a review invitation links to (e.g. a review site's "write a review" page). */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  PROMOTER_REVIEW_URL = 'http://localhost:3000/review';

  /** Referral or review system that receives promoter follow-ups when PROMOTER_DELIVERY is webhook. */
  @ValidateIf((env: SurveyDispatchEnv) => env.PROMOTER_DELIVERY === 'webhook' || env.PROMOTER_WEBHOOK_URL !== undefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL (required when PROMOTER_DELIVERY is webhook)' })
  PROMOTER_WEBHOOK_URL?: string;

  /** Standard Webhooks secret (`whsec_` + base64) that signs promoter webhooks; required with PROMOTER_WEBHOOK_URL. */
  @ValidateIf(
    (env: SurveyDispatchEnv) => env.PROMOTER_DELIVERY === 'webhook' || env.PROMOTER_WEBHOOK_SECRET !== undefined,
  )
  @Matches(/^whsec_[A-Za-z0-9+/]{24,}={0,2}$/, {
    message: 'must be whsec_ followed by at least 24 base64 characters (required when PROMOTER_DELIVERY is webhook)',
  })
  PROMOTER_WEBHOOK_SECRET?: string;

  /** Answers older than this (or imported) get no promoter action unless the import asked for a follow-up. */
  @IsInt()
  @Min(1)
  @Max(3650)
  PROMOTER_MAX_AGE_DAYS: number = 14;

  /**
   * Promoter follow-ups one instance delivers at the same time; each holds a database connection while it talks to
   * the provider, next to SEND_CONCURRENCY.
   */
  @IsInt()
  @Min(1)
  @Max(8)
  PROMOTER_CONCURRENCY: number = 1;

  /**
   * The longest wait between two attempts of a promoter follow-up while its mail server or webhook is down. The
   * first retry waits SEND_RETRY_BACKOFF_MS, doubling; an outage is retried without limit (docs/adr/0032).
   */
  @IsInt()
  @Min(0)
  @Max(24 * 60 * 60 * 1000)
  PROMOTER_RETRY_MAX_BACKOFF_MS: number = 15 * 60 * 1000;
}
