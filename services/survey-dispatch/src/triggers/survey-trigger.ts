import type { Channel } from '@nps/contracts';

/** A touchpoint event or an ad-hoc request, asking for a survey. */
export interface SurveyTrigger {
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  attributes: Record<string, string>;
  origin: 'touchpoint' | 'api' | 'recovery';
  channelOverride?: Channel;
  /** A recovery re-survey: the detractor response it follows up. */
  recoveryOfResponseId?: string;
}

export type TriggerOutcome =
  | { outcome: 'scheduled'; surveyRequestId: string; channel: Channel; dueAt: Date }
  | { outcome: 'deferred'; surveyRequestId: string; channel: Channel; dueAt: Date; reason: string; detail: string }
  | { outcome: 'suppressed'; reason: string; detail: string };
