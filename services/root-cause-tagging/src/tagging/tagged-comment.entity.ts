import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaggingResult } from './tagging.result';

/** The latest tagged comment of a response: what re-tagging and learning from cases start from. */
@Entity('tagged_comments')
export class TaggedCommentEntity {
  @PrimaryColumn({ name: 'response_id', type: 'text' })
  responseId: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'survey_language', type: 'text' })
  surveyLanguage: string;

  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'jsonb' })
  result: TaggingResult;

  @Column({ name: 'taxonomy_version', type: 'integer' })
  taxonomyVersion: number;

  @Column({ name: 'model_version', type: 'integer' })
  modelVersion: number;

  @Column({ name: 'tagged_at', type: 'timestamptz' })
  taggedAt: Date;
}
