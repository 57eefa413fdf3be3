import type { Channel } from '@nps/contracts';
import { RecordColumns } from '@nps/persistence';
import type { SurveyLanguage } from '@nps/survey-links';

export type SurveyRequestStatus = 'scheduled' | 'sent' | 'reminded' | 'answered' | 'expired' | 'failed';
/** What the scheduler does at `dueAt`; null once the request needs nothing more. */
export type SurveyAction = 'send' | 'remind' | 'expire';
export type SurveyOrigin = 'touchpoint' | 'api' | 'recovery';

/** One survey to one customer about one touchpoint, from scheduling to answer, expiry or failure. */
export interface SurveyRequestRecord {
  id: string;
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  channel: Channel;
  language: SurveyLanguage;
  origin: SurveyOrigin;
  status: SurveyRequestStatus;
  nextAction: SurveyAction | null;
  dueAt: Date | null;
  /** Delivery attempts of the current action (the survey or its reminder). */
  attempts: number;
  lastError: string | null;
  requestedAt: Date;
  sentAt: Date | null;
  expiresAt: Date | null;
  remindedAt: Date | null;
  answeredAt: Date | null;
  /** When the request reached a final status (answered, expired, failed). */
  closedAt: Date | null;
  /** A recovery re-survey: the detractor response it follows up (docs/outer-loop.md). */
  recoveryOfResponseId: string | null;
}

export const SURVEY_REQUEST_COLUMNS = new RecordColumns<SurveyRequestRecord>({
  id: 'id',
  customerId: 'customer_id',
  touchpointId: 'touchpoint_id',
  touchpointType: 'touchpoint_type',
  channel: 'channel',
  language: 'language',
  origin: 'origin',
  status: 'status',
  nextAction: 'next_action',
  dueAt: 'due_at',
  attempts: 'attempts',
  lastError: 'last_error',
  requestedAt: 'requested_at',
  sentAt: 'sent_at',
  expiresAt: 'expires_at',
  remindedAt: 'reminded_at',
  answeredAt: 'answered_at',
  closedAt: 'closed_at',
  recoveryOfResponseId: 'recovery_of_response_id',
});
