import type { AnalysedToken } from '../sentiment/opinion.scorer';
import { STOPWORDS } from '../text/language.stopwords';

const FUNCTION_WORDS = new Set([...STOPWORDS.en, ...STOPWORDS.nl, ...STOPWORDS.de]);

/**
 * What the learned model sees of a comment: word stems (negated ones marked "!"), and stem
 * pairs within a clause, function words left out. Language-independent on purpose: a stem is rarely shared by two of
 * our languages, and when it is ("app", "service") it means the same thing.
 */
export function commentFeatures(tokens: readonly AnalysedToken[]): string[] {
  const features = new Set<string>();
  const content = tokens.filter((token) => !token.isNegator && token.stem.length > 1 && !FUNCTION_WORDS.has(token.lower));
  for (let i = 0; i < content.length; i++) {
    const token = content[i];
    features.add(token.negated ? `!${token.stem}` : token.stem);
    const next = content[i + 1];
    if (next && next.clause === token.clause) features.add(`${token.stem}_${next.stem}`);
  }
  return [...features];
}
