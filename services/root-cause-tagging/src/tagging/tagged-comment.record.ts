import { RecordColumns } from '@nps/persistence';
import type { TaggingResult } from './tagging.result';

/** The latest tagged comment of a response: what re-tagging and learning from cases start from. */
export interface TaggedCommentRecord {
  responseId: string;
  customerId: string;
  revision: number;
  comment: string;
  surveyLanguage: string;
  score: number | null;
  language: string;
  result: TaggingResult;
  taxonomyVersion: number;
  modelVersion: number;
  taggedAt: Date;
}

export const TAGGED_COMMENT_COLUMNS = new RecordColumns<TaggedCommentRecord>({
  responseId: 'response_id',
  customerId: 'customer_id',
  revision: 'revision',
  comment: 'comment',
  surveyLanguage: 'survey_language',
  score: 'score',
  language: 'language',
  result: 'result',
  taxonomyVersion: 'taxonomy_version',
  modelVersion: 'model_version',
  taggedAt: 'tagged_at',
});
