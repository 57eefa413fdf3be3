import type { TaggedLanguage } from '../../text/language';

export type TermList = Record<TaggedLanguage, string[]>;

/**
 * One root cause of the initial taxonomy, in the notation `"-word"`: a complaint about the tag in
 * itself, `"+word"`: praise, plain: names the subject.
 */
export interface InitialTag {
  name: string;
  /** Its obvious keywords. */
  terms: TermList;
  /**
   * General ways customers name it beyond those keywords (issue #20): synonyms, paraphrases and
   * inflections, written from how people talk about shops, telecoms, utilities, banks and insurers,
   * not copied from any evaluation set.
   */
  paraphrases: TermList;
}
