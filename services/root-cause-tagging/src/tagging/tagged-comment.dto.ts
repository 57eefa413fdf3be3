import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';
import type { CuePolarity } from '../taxonomy/taxonomy.types';
import { type DetectedLanguage, TAGGED_LANGUAGES } from '../text/language';

const LANGUAGES = [...TAGGED_LANGUAGES, 'other'];
const share = { minimum: 0, maximum: 1 };

export class TagSpanDto {
  @ApiProperty({ description: 'code point offset into the comment, inclusive' }) start!: number;
  @ApiProperty({ description: 'code point offset into the comment, exclusive' }) end!: number;
  @ApiProperty({ description: 'the words between, as the customer wrote them' }) text!: string;
}

/** A root cause found in the comment. */
export class FoundTagDto {
  @ApiProperty({ example: 'delivery' }) tagId!: string;
  @ApiProperty({ enum: ['negative', 'positive'] }) polarity!: CuePolarity;
  @ApiProperty(share) confidence!: number;
  @ApiProperty({ type: TagSpanDto }) span!: TagSpanDto;
}

/** What the tagger read in the comment. */
export class TaggingResultDto {
  @ApiProperty({ enum: LANGUAGES, description: '`other`: another language, or too little text to tell' })
  language!: DetectedLanguage;

  @ApiProperty(share) languageConfidence!: number;
  @ApiProperty({ minimum: -1, maximum: 1 }) sentiment!: number;
  @ApiProperty({ type: [FoundTagDto] }) tags!: FoundTagDto[];
}

/** The latest tagging of a response's comment (`GET /tagging/responses/{responseId}`). */
export class TaggedCommentDto {
  @ApiProperty() responseId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ description: 'revision of the response the comment is from' }) revision!: number;
  @ApiProperty() comment!: string;
  @ApiProperty({ description: "the survey's language; empty when not known" }) surveyLanguage!: string;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 10 }) score!: number | null;
  @ApiProperty({ enum: LANGUAGES, description: "the comment's detected language" }) language!: DetectedLanguage;
  @ApiProperty({ type: TaggingResultDto }) result!: TaggingResultDto;
  @ApiProperty() taxonomyVersion!: number;
  @ApiProperty() modelVersion!: number;
  @ApiProperty({ ...ISO_TIME, description: 'when last tagged (re-tagging moves it)' })
  taggedAt!: string;
}
