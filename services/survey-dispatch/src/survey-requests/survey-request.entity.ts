import { Channel } from '@nps/contracts';
import type { SurveyLanguage } from '@nps/survey-links';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SurveyRequestStatus = 'scheduled' | 'sent' | 'reminded' | 'answered' | 'expired' | 'failed';
/** What the scheduler does at `dueAt`; null once the request needs nothing more. */
export type SurveyAction = 'send' | 'remind' | 'expire';
export type SurveyOrigin = 'touchpoint' | 'api';

/** One survey to one customer about one touchpoint, from scheduling to answer, expiry or failure. */
@Entity({ name: 'survey_requests' })
export class SurveyRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'touchpoint_id', type: 'text' })
  touchpointId!: string;

  @Column({ name: 'touchpoint_type', type: 'text' })
  touchpointType!: string;

  @Column('integer')
  channel!: Channel;

  @Column('text')
  language!: SurveyLanguage;

  @Column('text')
  origin!: SurveyOrigin;

  @Column('text')
  status!: SurveyRequestStatus;

  @Column({ name: 'next_action', type: 'text', nullable: true })
  nextAction!: SurveyAction | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** Delivery attempts of the current action (the survey or its reminder). */
  @Column('integer')
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** When the request reached a final status (answered, expired, failed). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
