import type { Channel } from '@nps/contracts';

export const SURVEY_LANGUAGES = ['en', 'nl', 'de'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

/** What a survey link stands for. Deliberately free of contact details: links end up in logs and browser histories. */
export interface SurveyLinkClaims {
  surveyRequestId: string;
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  channel: Channel;
  language: SurveyLanguage;
  expiresAt: Date;
}

/** What a token may be used for: answering the survey, or opting out of surveys (ADR 0034). */
export type SurveyLinkPurpose = 'answer' | 'unsubscribe';

export type SurveyLinkFailure = 'malformed' | 'unknown-key' | 'bad-signature' | 'expired';

export class SurveyLinkError extends Error {
  constructor(
    readonly reason: SurveyLinkFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SurveyLinkError';
  }
}
