import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClassifierWeights } from './tag.classifier';

/** A promoted model; the highest version is the one in use. */
@Entity('model_versions')
export class ModelVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** `initial`, `on-demand` or `scheduled`. */
  @Column({ type: 'text' })
  trigger: string;

  @Column({ name: 'held_out_f1', type: 'double precision' })
  heldOutF1: number;

  @Column({ name: 'training_examples', type: 'integer' })
  trainingExamples: number;

  @Column({ name: 'confirmed_examples', type: 'integer' })
  confirmedExamples: number;

  @Column({ type: 'jsonb', select: false })
  weights: ClassifierWeights;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
