/** Languages the tagger has a lexicon, stemmer and stop words for. */
export const TAGGED_LANGUAGES = ['en', 'nl', 'de'] as const;
export type TaggedLanguage = (typeof TAGGED_LANGUAGES)[number];

/** What `response tagged` may say: a tagged language or `other` (another language, or too little text to tell). */
export type DetectedLanguage = TaggedLanguage | 'other';

export function isTaggedLanguage(value: string): value is TaggedLanguage {
  return (TAGGED_LANGUAGES as readonly string[]).includes(value);
}
