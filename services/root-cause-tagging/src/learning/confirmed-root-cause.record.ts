import { RecordColumns } from '@nps/persistence';

/** A root cause a case owner confirmed for a response: a labelled example for the next retrain. */
export interface ConfirmedRootCauseRecord {
  responseId: string;
  caseId: string;
  tagId: string;
  confirmedAt: Date;
}

export const CONFIRMED_ROOT_CAUSE_COLUMNS = new RecordColumns<ConfirmedRootCauseRecord>({
  responseId: 'response_id',
  caseId: 'case_id',
  tagId: 'tag_id',
  confirmedAt: 'confirmed_at',
});
