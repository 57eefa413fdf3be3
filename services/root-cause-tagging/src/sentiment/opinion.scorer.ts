import { tokenize, type WordToken } from '../text/comment.tokenizer';
import { TAGGED_LANGUAGES, type TaggedLanguage } from '../text/language';
import { stemWord } from '../text/word.stemmer';
import {
  CONTRAST_WORDS,
  INTENSIFIERS,
  MEASURE_WORDS,
  NEGATION_REACH,
  NEGATORS,
  OPINION_WORDS,
  TOO_WORDS,
} from './sentiment.words';

/** A word of a comment with what the tagger knows about it. */
export interface AnalysedToken extends WordToken {
  stem: string;
  /** Inside the reach of a negation ("not", "niet", "kein"…) before it in the same clause. */
  negated: boolean;
  isNegator: boolean;
  /** Opinion carried by the word itself, after negation and intensifiers: negative below 0. */
  opinion: number;
}

const EMPTY_NEGATION = -0.5;
const CONTRAST = new Set(CONTRAST_WORDS);
const INTENSIFY = new Set(INTENSIFIERS);
const TOO = new Set(TOO_WORDS);
const MEASURE = new Set(MEASURE_WORDS);
const NEGATOR_SETS = Object.fromEntries(
  TAGGED_LANGUAGES.map((language) => [language, new Set(NEGATORS[language])]),
) as Record<TaggedLanguage, Set<string>>;
const opinionsByStem = new Map<TaggedLanguage, Map<string, number>>();

export function isNegator(language: TaggedLanguage, lower: string): boolean {
  return NEGATOR_SETS[language].has(lower) || (language === 'en' && (lower.endsWith("n't") || lower === 'cannot'));
}

/** Tokens, stems, negation scope and word opinions of a comment in `language`. */
export function analyse(text: string, language: TaggedLanguage): AnalysedToken[] {
  const words = tokenize(text, (lower) => CONTRAST.has(lower));
  const opinions = opinionLexicon(language);
  const tokens: AnalysedToken[] = [];
  let negationLeft = 0;
  let negationClause = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const stem = stemWord(language, word.lower);
    const negator = isNegator(language, word.lower);
    const negated = !negator && negationLeft > 0 && negationClause === word.clause;
    if (negationLeft > 0) negationLeft--;
    if (negator) {
      negationLeft = NEGATION_REACH;
      negationClause = word.clause;
    }
    let opinion = opinions.get(word.lower) ?? opinions.get(stem) ?? 0;
    const previous = tokens[i - 1];
    if (previous && previous.clause === word.clause) {
      if (INTENSIFY.has(previous.lower)) opinion *= 1.5;
      if (TOO.has(previous.lower) && MEASURE.has(word.lower)) opinion = Math.min(opinion, -1);
    }
    tokens.push({ ...word, stem, negated, isNegator: negator, opinion: negated ? -opinion : opinion });
  }
  markEmptyNegations(tokens);
  return tokens;
}

/** A negation over words without opinion ("kam nicht am vereinbarten Tag") is itself a mild complaint. */
function markEmptyNegations(tokens: AnalysedToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].isNegator || tokens[i].opinion !== 0) continue;
    let scoped = false;
    for (let j = i + 1; j < tokens.length && j <= i + NEGATION_REACH && tokens[j].negated; j++)
      if (tokens[j].opinion !== 0) scoped = true;
    if (!scoped) tokens[i].opinion = EMPTY_NEGATION;
  }
}

/** The opinions of every word of one clause, added up. */
export function opinionOfClause(tokens: readonly AnalysedToken[], clause: number): number {
  let sum = 0;
  for (const token of tokens) if (token.clause === clause) sum += token.opinion;
  return sum;
}

function opinionLexicon(language: TaggedLanguage): Map<string, number> {
  let lexicon = opinionsByStem.get(language);
  if (!lexicon) {
    lexicon = new Map();
    for (const [word, value] of Object.entries(OPINION_WORDS[language])) {
      lexicon.set(word, value);
      lexicon.set(stemWord(language, word), value);
    }
    opinionsByStem.set(language, lexicon);
  }
  return lexicon;
}
