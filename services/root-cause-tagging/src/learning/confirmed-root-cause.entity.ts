import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A root cause a case owner confirmed for a response: a labelled example for the next retrain. */
@Entity('confirmed_root_causes')
export class ConfirmedRootCauseEntity {
  @PrimaryColumn({ name: 'response_id', type: 'text' })
  responseId: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ name: 'tag_id', type: 'text' })
  tagId: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;
}
