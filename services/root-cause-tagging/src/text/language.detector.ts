import { detectAll } from 'tinyld/light';
import { type DetectedLanguage, isTaggedLanguage, TAGGED_LANGUAGES, type TaggedLanguage } from './language';
import { NEGATORS, OPINION_WORDS } from '../sentiment/sentiment.words';
import { STOPWORDS } from './language.stopwords';

export interface LanguageGuess {
  language: DetectedLanguage;
  /** 0 to 1; 0 when there was nothing to tell from. */
  confidence: number;
}

// Enough text for a clear answer; detecting 10,000 characters costs time and says nothing more.
const SAMPLE_LENGTH = 600;
const MIN_SCORE = 0.3;
const FAST_SHARE = 0.4;
const WORD = /[\p{L}']+/gu;
const knownWords = (language: TaggedLanguage): ReadonlySet<string> =>
  new Set([...STOPWORDS[language], ...Object.keys(OPINION_WORDS[language]), ...NEGATORS[language]]);
const KNOWN_WORDS: Record<TaggedLanguage, ReadonlySet<string>> = {
  en: knownWords('en'),
  nl: knownWords('nl'),
  de: knownWords('de'),
};

/**
 * Language of a comment: tinyld's n-gram profile, restricted to en/nl/de, voted with function
 * words and the taxonomy's `vocabulary`, which short comments have and n-grams often miss (ADR 0009).
 * `hint` (the survey's language) decides only when the text is too short to tell.
 */
export function detectLanguage(
  text: string,
  hint?: string,
  vocabulary?: Record<TaggedLanguage, ReadonlySet<string>>,
): LanguageGuess {
  const sample = text.length > SAMPLE_LENGTH ? text.slice(0, SAMPLE_LENGTH) : text;
  const words = (sample.toLowerCase().match(WORD) ?? []).filter((word) => word.length > 0);
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  if (letters < 2) return { language: 'other', confidence: 0 };

  const known = TAGGED_LANGUAGES.map((language) => ({
    language,
    share:
      words.filter((word) => KNOWN_WORDS[language].has(word) || vocabulary?.[language].has(word)).length / words.length,
  })).sort((a, b) => b.share - a.share);
  // Most comments say it with their function words; tinyld (most of the cost) only settles the rest.
  if (words.length >= 4 && known[0].share >= FAST_SHARE && known[0].share >= 2 * known[1].share) {
    return { language: known[0].language, confidence: round(Math.min(1, 0.5 + known[0].share)) };
  }
  const profile = ngramScores(sample);
  const scores = known
    .map(({ language, share }) => ({
      language,
      score: 0.5 * (profile.get(language) ?? 0) + 0.5 * Math.min(1, 2 * share),
    }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  const foreign = profile.get('*') ?? 0;
  if (best.score >= MIN_SCORE && best.score > foreign * 0.6) {
    return {
      language: best.language,
      confidence: round(Math.min(1, best.score / Math.max(best.score + second.score * 0.5, 0.0001))),
    };
  }
  if (hint && isTaggedLanguage(hint) && words.length <= 3) return { language: hint, confidence: 0.3 };
  return { language: 'other', confidence: round(Math.max(foreign, 1 - best.score) * (words.length > 3 ? 1 : 0.5)) };
}

/**
 * tinyld's shares (accuracies over their sum) of en/nl/de; `*` is the best other language. Its light
 * profile (24 languages) is enough: it knows no Afrikaans, Frisian or Luxembourgish to mistake short Dutch
 * or German for, and it loads in about 7 MB less heap and 34 MB less resident memory (ADR 0061).
 */
function ngramScores(sample: string): Map<string, number> {
  const scores = new Map<string, number>();
  const all = detectAll(sample);
  const total = all.reduce((sum, { accuracy }) => sum + accuracy, 0) || 1;
  for (const { lang, accuracy } of all) {
    const key = isTaggedLanguage(lang) ? lang : '*';
    scores.set(key, Math.max(scores.get(key) ?? 0, accuracy / total));
  }
  return scores;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
