import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyReason } from '../contact-policy/contact-policy.decision';

/** A trigger the contact policy did not turn into an immediate survey: dropped (`suppressed`) or `deferred`. */
@Entity({ name: 'suppressions' })
export class SuppressionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'touchpoint_id', type: 'text' })
  touchpointId!: string;

  @Column({ name: 'touchpoint_type', type: 'text' })
  touchpointType!: string;

  @Column('text')
  outcome!: 'suppressed' | 'deferred';

  @Column('text')
  reason!: PolicyReason;

  @Column('text')
  detail!: string;

  @Column({ name: 'deferred_until', type: 'timestamptz', nullable: true })
  deferredUntil!: Date | null;

  @Column({ name: 'survey_request_id', type: 'uuid', nullable: true })
  surveyRequestId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
