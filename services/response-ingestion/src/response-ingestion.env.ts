import { DevelopmentDefault } from '@nps/config';
import { WithPrivacySettings } from '@nps/privacy';
import { SurveyLinkEnv } from '@nps/survey-links';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/** Configuration of response-ingestion: survey page, answer APIs, imports. */
export class ResponseIngestionEnv extends WithPrivacySettings(SurveyLinkEnv) {
  override PORT: number = 3002;

  /** How long after the first answer the same survey link may still change it (a revision). */
  @IsInt()
  @Min(0)
  @Max(525600)
  RESPONSE_REVISION_WINDOW_MINUTES: number = 1440;

  /** Rows written (and their events queued in the outbox) per transaction of a bulk import. */
  @IsInt()
  @Min(1)
  @Max(5000)
  IMPORT_BATCH_SIZE: number = 2000;

  /** Largest body of one `POST /imports` (CSV or JSON Lines, streamed), in bytes; above it: 413. */
  @IsInt()
  @Min(1024)
  @Max(10737418240)
  IMPORT_MAX_BYTES: number = 268435456;

  /** Most rows in one `POST /imports`; above it: 413. */
  @IsInt()
  @Min(1)
  @Max(100000000)
  IMPORT_MAX_ROWS: number = 1000000;

  /** Window of the public rate limits (survey page, `POST /responses`, `POST /sms/inbound`), in seconds. */
  @IsInt()
  @Min(1)
  @Max(86400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /**
   * Requests per window from one client address, per surface. Generous: many people share an office or mobile
   * carrier address, and an SMS gateway posts every reply from a few. Load tests on loopback raise it.
   */
  @IsInt()
  @Min(1)
  @Max(100000000)
  RATE_LIMIT_PER_ADDRESS: number = 1200;

  /** Requests per window for one survey link or SMS reference, per surface. */
  @IsInt()
  @Min(1)
  @Max(100000000)
  RATE_LIMIT_PER_SUBJECT: number = 60;

  /**
   * Answers per window one verified machine client may send through `POST /responses` and
   * `POST /responses/batch` together (a batch counts each of its answers; ADR 0068).
   */
  @IsInt()
  @Min(1)
  @Max(100000000)
  RATE_LIMIT_ANSWERS_PER_CLIENT: number = 6000;

  /** Days an `Idempotency-Key` is remembered: a retry later than that counts as a new answer. */
  @IsInt()
  @Min(1)
  @Max(3650)
  IDEMPOTENCY_KEY_RETENTION_DAYS: number = 30;

  /**
   * Secret the SMS gateway signs inbound replies with (`X-Signature: sha256=<hex HMAC-SHA256 of the body>`);
   * an unsigned or wrongly signed `POST /sms/inbound` gets 401 (docs/security.md).
   */
  @IsString()
  @MinLength(16)
  @DevelopmentDefault()
  SMS_WEBHOOK_SECRET = 'local-development-only-sms-webhook-secret';
}
