import type { Channel } from '@nps/contracts';
import type { SurveyLanguage } from '@nps/survey-links';

/** One survey (or its reminder) ready to go out: the links are signed, the address is looked up by the sender. */
export interface SurveyDelivery {
  kind: 'survey' | 'reminder';
  /** A recovery re-survey after a detractor's follow-up: the email says so. */
  recovery: boolean;
  surveyRequestId: string;
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  channel: Channel;
  language: SurveyLanguage;
  /** The signed survey link token; an SMS gateway echoes it back as the reply's `messageRef`. */
  token: string;
  /** The survey page. */
  surveyUrl: string;
  /** `scoreUrls[n]` records score n and opens the comment page. */
  scoreUrls: string[];
  /** The unsubscribe page of a token signed for unsubscribing; also the RFC 8058 one-click URL (ADR 0034). */
  unsubscribeUrl: string;
  expiresAt: Date;
}

/** Where a customer is reached; PII, never logged or published. */
export interface ContactAddress {
  name: string;
  email: string | null;
  phone: string | null;
  webhookUrl: string | null;
  timeZone: string;
}

export interface ChannelSender {
  /** Hands the survey to the provider; throws DeliveryError when it did not take it. */
  send(delivery: SurveyDelivery, address: ContactAddress): Promise<void>;
}
