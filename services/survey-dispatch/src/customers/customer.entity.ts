import { Channel } from '@nps/contracts';
import type { SurveyLanguage } from '@nps/survey-links';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer with contact details: the only place in the platform that holds email and phone. */
@Entity({ name: 'customers' })
export class CustomerEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column('text')
  language!: SurveyLanguage;

  @Column('text')
  segment!: string;

  @Column('text')
  region!: string;

  @Column({ name: 'account_owner_id', type: 'text' })
  accountOwnerId!: string;

  @Column('text')
  tier!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'opted_out', type: 'boolean' })
  optedOut!: boolean;

  @Column({ name: 'opted_out_channels', type: 'integer', array: true })
  optedOutChannels!: Channel[];

  @Column({ name: 'preferred_channel', type: 'integer', nullable: true })
  preferredChannel!: Channel | null;

  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  @Column('jsonb')
  attributes!: Record<string, string>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
