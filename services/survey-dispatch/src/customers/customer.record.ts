import type { Channel } from '@nps/contracts';
import { RecordColumns } from '@nps/persistence';
import type { SurveyLanguage } from '@nps/survey-links';

/** A customer with contact details: the only place in the platform that holds email and phone. */
export interface CustomerRecord {
  customerId: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: SurveyLanguage;
  segment: string;
  region: string;
  accountOwnerId: string;
  /** The customer organisation (B2B account) or ''. */
  accountId: string;
  tier: string;
  timeZone: string;
  optedOut: boolean;
  optedOutChannels: Channel[];
  preferredChannel: Channel | null;
  webhookUrl: string | null;
  attributes: Record<string, string>;
  updatedAt: Date;
}

export const CUSTOMER_COLUMNS = new RecordColumns<CustomerRecord>({
  customerId: 'customer_id',
  name: 'name',
  email: 'email',
  phone: 'phone',
  language: 'language',
  segment: 'segment',
  region: 'region',
  accountOwnerId: 'account_owner_id',
  accountId: 'account_id',
  tier: 'tier',
  timeZone: 'time_zone',
  optedOut: 'opted_out',
  optedOutChannels: 'opted_out_channels',
  preferredChannel: 'preferred_channel',
  webhookUrl: 'webhook_url',
  attributes: 'attributes',
  updatedAt: 'updated_at',
});
