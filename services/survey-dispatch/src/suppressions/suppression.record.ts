import { RecordColumns } from '@nps/persistence';
import type { PolicyReason } from '../contact-policy/contact-policy.decision';

/** A trigger the contact policy did not turn into an immediate survey: dropped (`suppressed`) or `deferred`. */
export interface SuppressionRecord {
  id: string;
  customerId: string;
  touchpointId: string;
  touchpointType: string;
  outcome: 'suppressed' | 'deferred';
  reason: PolicyReason;
  detail: string;
  deferredUntil: Date | null;
  surveyRequestId: string | null;
  recordedAt: Date;
}

export const SUPPRESSION_COLUMNS = new RecordColumns<SuppressionRecord>({
  id: 'id',
  customerId: 'customer_id',
  touchpointId: 'touchpoint_id',
  touchpointType: 'touchpoint_type',
  outcome: 'outcome',
  reason: 'reason',
  detail: 'detail',
  deferredUntil: 'deferred_until',
  surveyRequestId: 'survey_request_id',
  recordedAt: 'recorded_at',
});
