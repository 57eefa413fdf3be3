import { SurveyFailureReason } from '@nps/contracts';

/**
 * A failed delivery attempt. Transient ones (provider down, timeouts, 4xx SMTP replies, HTTP
 * 5xx/429) are retried with backoff; permanent ones end the survey with SurveyFailed at once.
 */
export class DeliveryError extends Error {
  constructor(
    readonly transient: boolean,
    readonly reason: SurveyFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  static transient(message: string): DeliveryError {
    return new DeliveryError(true, SurveyFailureReason.PROVIDER_UNAVAILABLE, message);
  }

  static permanent(reason: SurveyFailureReason, message: string): DeliveryError {
    return new DeliveryError(false, reason, message);
  }
}
