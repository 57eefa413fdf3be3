import { SurveyLinkError, type SurveyLinkFailure } from '@nps/survey-links';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';

const CODES: Record<SurveyLinkFailure, IngestionErrorCode> = {
  malformed: IngestionErrorCode.SurveyLinkMalformed,
  'unknown-key': IngestionErrorCode.SurveyLinkUnknownKey,
  'bad-signature': IngestionErrorCode.SurveyLinkBadSignature,
  expired: IngestionErrorCode.SurveyLinkExpired,
};

const MESSAGES: Partial<Record<IngestionErrorCode, string>> = {
  [IngestionErrorCode.SurveyRevoked]: 'this survey link was revoked',
  [IngestionErrorCode.SurveyExpired]: 'this survey expired before it was answered',
  [IngestionErrorCode.AlreadyAnswered]: 'this survey was already answered and can no longer be changed',
};

/** A token refusal as this service's error, keeping the lib's reason as the message. */
export function refusalOf(error: SurveyLinkError): IngestionError {
  return new IngestionError(CODES[error.reason], error.message, [{ field: 'token', reason: error.reason }]);
}

export function stateRefusal(code: IngestionErrorCode): IngestionError {
  return new IngestionError(code, MESSAGES[code] ?? code, [{ field: 'token', reason: code }]);
}
