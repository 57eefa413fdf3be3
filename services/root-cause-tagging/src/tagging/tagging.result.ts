import type { CuePolarity } from '../taxonomy/taxonomy.types';
import type { DetectedLanguage } from '../text/language';

export interface FoundTag {
  tagId: string;
  polarity: CuePolarity;
  confidence: number;
  /** Code point offsets into the comment (start inclusive, end exclusive) and the text between. */
  span: { start: number; end: number; text: string };
}

/** Everything `response tagged` says about one comment. */
export interface TaggingResult {
  language: DetectedLanguage;
  languageConfidence: number;
  sentiment: number;
  tags: FoundTag[];
}

export interface TaggingInput {
  text: string;
  /** The NPS score, 0–10: decides the polarity of a mention that carries no opinion of its own. */
  score?: number;
  /** The survey's language: used only when the comment is too short to tell. */
  languageHint?: string;
}
