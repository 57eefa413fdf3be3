import type { AnalysedToken } from '../sentiment/opinion.scorer';
import { STOPWORDS } from '../text/language.stopwords';

const FUNCTION_WORDS = new Set([...STOPWORDS.en, ...STOPWORDS.nl, ...STOPWORDS.de]);
/** Character n-grams of words this long or longer: parts of compounds, inflections and typos share them. */
const MIN_NGRAM_WORD = 5;
const NGRAM_SIZES = [4, 5];
const NGRAM_CACHE_LIMIT = 50000;
const ngramCache = new Map<string, string[]>();

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
 * What the learned model sees of a comment (ADR 0009): word stems (negated ones marked "!"), stem
 * pairs within a clause, character 4- and 5-grams of longer words ("#erst" in "Rückerstattung"),
 * and the lexicon's cues ("@delivery", "@delivery-"). Function words are left out. Language-independent
 * on purpose: a stem is rarely shared by two of our languages, and when it is ("app") it means the same.
 */
export function commentFeatures(tokens: readonly AnalysedToken[], cues: readonly CueFeature[] = []): CommentFeatures {
  const names: string[] = [];
  const at: number[] = [];
  const add = (name: string, token: number) => {
    names.push(name);
    at.push(token);
  };
  let previous = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.isNegator || token.stem.length <= 1 || FUNCTION_WORDS.has(token.lower)) continue;
    add(token.negated ? `!${token.stem}` : token.stem, i);
    if (previous >= 0 && tokens[previous].clause === token.clause) add(`${tokens[previous].stem}_${token.stem}`, i);
    for (const gram of charGrams(token.lower)) add(gram, i);
    previous = i;
  }
  for (const cue of cues) {
    add(`@${cue.tagId}`, cue.token);
    if (cue.sign !== 0) add(`@${cue.tagId}${cue.sign > 0 ? '+' : '-'}`, cue.token);
  }
  return { names, tokens: at };
}

function charGrams(lower: string): string[] {
  if (lower.length < MIN_NGRAM_WORD) return [];
  let grams = ngramCache.get(lower);
  if (!grams) {
    const set = new Set<string>();
    for (const size of NGRAM_SIZES)
      for (let i = 0; i + size <= lower.length; i++) set.add(`#${lower.slice(i, i + size)}`);
    grams = [...set];
    if (ngramCache.size >= NGRAM_CACHE_LIMIT) ngramCache.clear();
    ngramCache.set(lower, grams);
  }
  return grams;
}
