import { type CommentFeatures, commentFeatures } from '../model/comment.features';
import { type AnalysedToken, analyse, isNegator } from '../sentiment/opinion.scorer';
import { type LexiconMatch, LexiconMatcher } from '../taxonomy/lexicon.matcher';
import type { TaxonomyTag } from '../taxonomy/taxonomy.types';
import type { TaggedLanguage } from '../text/language';

/** What the tagger and the trainer both read from a comment in a known language. */
export interface CommentReading {
  tokens: AnalysedToken[];
  matches: LexiconMatch[];
  features: CommentFeatures;
}

/**
 * Tokens, lexicon cues and model features of a comment: one place, so that the model is trained
 * on exactly what the tagger later shows it.
 */
export class CommentReader {
  private readonly matchers: Record<TaggedLanguage, LexiconMatcher>;

  constructor(tags: readonly TaxonomyTag[]) {
    const matcher = (language: TaggedLanguage) =>
      new LexiconMatcher(language, tags, (lower) => isNegator(language, lower));
    this.matchers = { en: matcher('en'), nl: matcher('nl'), de: matcher('de') };
  }

  read(text: string, language: TaggedLanguage): CommentReading {
    const tokens = analyse(text, language);
    const matches = this.matchers[language].match(tokens);
    const cues = matches.map((match) => ({ tagId: match.tagId, sign: cueSign(match, tokens), token: match.from }));
    return { tokens, matches, features: commentFeatures(corrected(tokens, matches), cues) };
  }
}

/** The tokens with each typo of a lexicon term read as that term, so the model sees "delievry" as "delivery". */
function corrected(tokens: AnalysedToken[], matches: readonly LexiconMatch[]): AnalysedToken[] {
  if (!matches.some((match) => match.corrected !== undefined)) return tokens;
  const read = [...tokens];
  for (const match of matches)
    if (match.corrected !== undefined) read[match.from] = { ...tokens[match.from], stem: match.corrected };
  return read;
}

/**
 * +1/-1 for a cue that is an opinion in itself (flipped when negated); for a plain subject 0, or
 * -1 when negated: its absence is the complaint ("niet op voorraad", "no confirmation").
 */
export function cueSign(match: LexiconMatch, tokens: readonly AnalysedToken[]): number {
  const negated = !match.selfNegated && tokens[match.from].negated;
  if (!match.polarity) return negated ? -1 : 0;
  const sign = match.polarity === 'positive' ? 1 : -1;
  return negated ? -sign : sign;
}
