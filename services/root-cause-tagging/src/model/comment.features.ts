import type { AnalysedToken } from '../sentiment/opinion.scorer';
import { FUNCTION_WORDS } from '../text/language.stopwords';
import { synonymClasses } from '../text/synonym.classes';

/** A lexicon cue as the model sees it: its tag, whether it praises (+1), complains (-1) or only names (0). */
export interface CueFeature {
  tagId: string;
  sign: number;
  token: number;
}

/** The features of a comment, each with the token it comes from (for spans and per-clause scoring). */
export interface CommentFeatures {
  names: string[];
  tokens: number[];
}

/**
 * What the learned model sees of a comment (ADR 0009, 0040): word stems (negated ones marked "!"), stem
 * pairs within a clause, the synonym classes of words and of the parts of compounds ("~refund" for
 * "refund", "terugbetaling" and "Rückerstattung"), pairs of classes within a clause ("~nobody_~call"),
 * and the lexicon's cues ("@delivery", "@delivery-"). Function words are left out of stems, not of
 * classes ("never", "nobody" and "still" say a lot). Language-independent on purpose: a stem is rarely
 * shared by two of our languages, and when it is ("app") it means the same; a class is shared by all three.
 */
export function commentFeatures(tokens: readonly AnalysedToken[], cues: readonly CueFeature[] = []): CommentFeatures {
  const names: string[] = [];
  const at: number[] = [];
  const add = (name: string, token: number) => {
    names.push(name);
    at.push(token);
  };
  let previous = -1;
  let previousClass = '';
  let previousClassClause = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    for (const name of synonymClasses(token.lower, token.stem)) {
      const marked = token.negated ? `!~${name}` : `~${name}`;
      add(marked, i);
      if (previousClassClause === token.clause && previousClass !== marked) add(`${previousClass}_${marked}`, i);
      previousClass = marked;
      previousClassClause = token.clause;
    }
    if (token.isNegator || token.stem.length <= 1 || FUNCTION_WORDS.has(token.lower)) continue;
    add(token.negated ? `!${token.stem}` : token.stem, i);
    if (previous >= 0 && tokens[previous].clause === token.clause) add(`${tokens[previous].stem}_${token.stem}`, i);
    previous = i;
  }
  for (const cue of cues) {
    add(`@${cue.tagId}`, cue.token);
    if (cue.sign !== 0) add(`@${cue.tagId}${cue.sign > 0 ? '+' : '-'}`, cue.token);
  }
  return { names, tokens: at };
}
