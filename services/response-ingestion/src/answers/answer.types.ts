import type { Channel, ResponseSource } from '@nps/contracts';
import type { SurveyLanguage } from '@nps/survey-links';

/** What a customer gave: a score and, optionally, a comment (undefined: keep the earlier one). */
export interface GivenAnswer {
  score: number;
  comment?: string;
}

/** An answer with everything a `response received` needs, whichever channel it came through. */
export interface ResponseRecord {
  responseId: string;
  customerId: string;
  surveyRequestId: string;
  touchpointId: string;
  touchpointType: string;
  channel: Channel;
  language: SurveyLanguage;
  source: ResponseSource;
  score: number;
  comment: string;
  answeredAt: Date;
}

export type AnswerOutcome = 'received' | 'revised' | 'unchanged';

/** What happened to an answer; `revision` 0 is the original. */
export interface AcceptedAnswer {
  outcome: AnswerOutcome;
  responseId: string;
  revision: number;
  score: number;
  comment: string;
}
