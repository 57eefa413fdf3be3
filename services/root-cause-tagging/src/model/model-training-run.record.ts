import { RecordColumns } from '@nps/persistence';

/** One retrain: what the candidate and the model in use scored on the held-out set, and whether it was promoted. */
export interface ModelTrainingRunRecord {
  id: string;
  trigger: string;
  candidateF1: number;
  inUseF1: number;
  inUseVersion: number;
  promotedVersion: number | null;
  confirmedExamples: number;
  ranAt: Date;
}

export const MODEL_TRAINING_RUN_COLUMNS = new RecordColumns<ModelTrainingRunRecord>({
  id: 'id',
  trigger: 'trigger',
  candidateF1: 'candidate_f1',
  inUseF1: 'in_use_f1',
  inUseVersion: 'in_use_version',
  promotedVersion: 'promoted_version',
  confirmedExamples: 'confirmed_examples',
  ranAt: 'ran_at',
});
