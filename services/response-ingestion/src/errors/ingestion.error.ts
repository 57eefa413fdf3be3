import { HttpStatus } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@nps/runtime';

export type { FieldProblem };

/** Stable codes of every refusal this service gives; clients and the survey page key on them. */
export enum IngestionErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  SurveyLinkMalformed = 'SURVEY_LINK_MALFORMED',
  SurveyLinkUnknownKey = 'SURVEY_LINK_UNKNOWN_KEY',
  SurveyLinkBadSignature = 'SURVEY_LINK_BAD_SIGNATURE',
  SurveyLinkExpired = 'SURVEY_LINK_EXPIRED',
  SurveyRevoked = 'SURVEY_REVOKED',
  SurveyExpired = 'SURVEY_EXPIRED',
  AlreadyAnswered = 'ALREADY_ANSWERED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  SmsReplyUnreadable = 'SMS_REPLY_UNREADABLE',
  UnsupportedImportFormat = 'UNSUPPORTED_IMPORT_FORMAT',
  ImportTooLarge = 'IMPORT_TOO_LARGE',
}

const STATUS: Partial<Record<IngestionErrorCode, HttpStatus>> = {
  [IngestionErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestionErrorCode.UnsupportedImportFormat]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [IngestionErrorCode.ImportTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
};

/** A refusal with a stable code (400 unless STATUS says otherwise); @nps/runtime answers it as problem details. */
export class IngestionError extends DomainError<IngestionErrorCode> {
  constructor(code: IngestionErrorCode, detail: string, fields: FieldProblem[] = []) {
    super(code, STATUS[code] ?? HttpStatus.BAD_REQUEST, detail, { fields });
  }

  static invalidField(field: string, reason: string): IngestionError {
    return new IngestionError(IngestionErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
  }
}

/** Token and survey-state refusals: the answer is not stored and the caller gets a 400 saying why. */
export const SURVEY_LINK_REFUSALS: ReadonlySet<IngestionErrorCode> = new Set([
  IngestionErrorCode.SurveyLinkMalformed,
  IngestionErrorCode.SurveyLinkUnknownKey,
  IngestionErrorCode.SurveyLinkBadSignature,
  IngestionErrorCode.SurveyLinkExpired,
  IngestionErrorCode.SurveyRevoked,
  IngestionErrorCode.SurveyExpired,
  IngestionErrorCode.AlreadyAnswered,
]);
