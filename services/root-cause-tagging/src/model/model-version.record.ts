import { RecordColumns } from '@nps/persistence';
import type { ClassifierWeights } from './tag.classifier';

/** A promoted model; the highest version is the one in use. */
export interface ModelVersionRecord {
  version: number;
  /** `initial`, `on-demand` or `scheduled`. */
  trigger: string;
  heldOutF1: number;
  trainingExamples: number;
  confirmedExamples: number;
  weights: ClassifierWeights;
  createdAt: Date;
}

export const MODEL_VERSION_COLUMNS = new RecordColumns<ModelVersionRecord>({
  version: 'version',
  trigger: 'trigger',
  heldOutF1: 'held_out_f1',
  trainingExamples: 'training_examples',
  confirmedExamples: 'confirmed_examples',
  weights: 'weights',
  createdAt: 'created_at',
});
