/** Replies that opt out instead of answering: the carriers' STOP, its German/Dutch spelling STOPP, and UNSUBSCRIBE. */
const STOP_KEYWORDS: ReadonlySet<string> = new Set(['stop', 'stopp', 'unsubscribe']);
const EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/**
 * Whether an SMS reply is a stop keyword: the whole reply, any case, punctuation or spaces around it
 * ("Stop", " STOPP! "). A keyword inside a sentence ("stop with the surveys please") is not guessed at.
 */
export function isStopKeyword(text: string): boolean {
  return STOP_KEYWORDS.has(text.normalize('NFC').replace(EDGES, '').toLowerCase());
}
