/** Number words of the survey languages (and common spellings without diacritics). */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  nul: 0,
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  null: 0,
  eins: 1,
  ein: 1,
  eine: 1,
  zwei: 2,
  drei: 3,
  fünf: 5,
  fuenf: 5,
  funf: 5,
  sechs: 6,
  sieben: 7,
  neun: 9,
  zehn: 10,
};

export interface SmsReply {
  score: number;
  comment: string;
}

const LEADING_NUMBER = /^(\d{1,2})(?:\s*(?:\/|van|von|of|out of|uit)\s*10)?(?!\d|[.,]\d)/i;
const LEADING_WORD = /^([\p{L}]+)(?![\p{L}])/u;
const SEPARATORS = /^[\s.,:;!\-–—)]+/u;

/**
 * The score and comment of an SMS reply: "9", "9 great service", "9/10, fast", "nine", "negen –
 * snel geleverd", "Neun. Gut". The score must come first, as the SMS asks; anything else is not
 * guessed at (undefined), because a wrong score is worse than asking again.
 */
export function parseSmsReply(text: string): SmsReply | undefined {
  const trimmed = text.normalize('NFC').trim();
  const numeric = LEADING_NUMBER.exec(trimmed);
  let score: number | undefined;
  let rest: string;
  if (numeric) {
    score = Number(numeric[1]);
    rest = trimmed.slice(numeric[0].length);
  } else {
    const word = LEADING_WORD.exec(trimmed);
    score = word ? NUMBER_WORDS[word[1].toLowerCase()] : undefined;
    rest = word ? trimmed.slice(word[0].length) : '';
  }
  if (score === undefined || score > 10) return undefined;
  return { score, comment: rest.replace(SEPARATORS, '').trim() };
}
