/** One word of a comment: offsets are UTF-16 indexes into the original text (end exclusive). */
export interface WordToken {
  lower: string;
  start: number;
  end: number;
  /** Index of the clause (split at punctuation and contrast words) the word belongs to. */
  clause: number;
}

// Letters, digits and combining marks, with inner apostrophes ("wasn't", "zo'n").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const CLAUSE_BREAK = /[.!?;:,()\n\r\u2013\u2014]|-\s/;

/**
 * Splits a comment into words and clauses. Words longer than `maxWordLength` (pasted hashes,
 * base64) are skipped: they carry no opinion and would only slow the stemmer down.
 */
export function tokenize(text: string, isContrastWord: (lower: string) => boolean, maxWordLength = 40): WordToken[] {
  const tokens: WordToken[] = [];
  let clause = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (tokens.length > 0 && CLAUSE_BREAK.test(text.slice(previousEnd, start))) clause++;
    previousEnd = end;
    if (match[0].length > maxWordLength) continue;
    const lower = match[0].toLowerCase().replace(/’/g, "'");
    if (isContrastWord(lower) && tokens.length > 0) clause++;
    tokens.push({ lower, start, end, clause });
  }
  return tokens;
}

/** Code point offset of a UTF-16 index, for spans in the contract (which counts code points). */
export function codePointIndex(text: string, utf16Index: number): number {
  let count = 0;
  for (let i = 0; i < utf16Index; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
