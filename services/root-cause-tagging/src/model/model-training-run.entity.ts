import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One retrain: what the candidate and the model in use scored on the held-out set, and whether it was promoted. */
@Entity('model_training_runs')
export class ModelTrainingRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  trigger: string;

  @Column({ name: 'candidate_f1', type: 'double precision' })
  candidateF1: number;

  @Column({ name: 'in_use_f1', type: 'double precision' })
  inUseF1: number;

  @Column({ name: 'in_use_version', type: 'integer' })
  inUseVersion: number;

  @Column({ name: 'promoted_version', type: 'integer', nullable: true })
  promotedVersion: number | null;

  @Column({ name: 'confirmed_examples', type: 'integer' })
  confirmedExamples: number;

  @Column({ name: 'ran_at', type: 'timestamptz' })
  ranAt: Date;
}
