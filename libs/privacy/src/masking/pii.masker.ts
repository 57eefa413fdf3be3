import { ibanChecksumValid } from './iban.checksum';
import { isPhoneNumber } from './phone.matcher';

export const PII_KINDS = ['email', 'iban', 'order', 'phone'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface MaskPiiOptions {
  /** Which kinds to mask; all by default. */
  kinds?: readonly PiiKind[];
  /**
   * Patterns of order numbers, replacing DEFAULT_ORDER_PATTERNS; each whole match becomes `[order]`.
   * Keep them free of nested or adjacent unbounded quantifiers, so masking stays linear in the text.
   */
  orderPatterns?: readonly RegExp[];
}

export interface MaskedText {
  text: string;
  /** The kinds that were masked, in PII_KINDS order. */
  found: PiiKind[];
}

// A placeholder's "]" blocks a start like the character it replaced did, so masking twice changes nothing.
// Every quantifier below is bounded, and every pattern starts behind a lookbehind that refuses to
// start inside a run of the same characters: each start position costs a bounded amount of work, so
// masking is linear in the length of the text (see the adversarial inputs in pii.masker.spec.ts).
const WORD = String.raw`\p{L}\p{N}\p{M}`;
const EMAIL = new RegExp(
  String.raw`(?<![${WORD}._%+\]-])[${WORD}._%+-]{1,64}@[${WORD}-]{1,63}(?:\.[${WORD}-]{1,63}){1,8}`,
  'gu',
);
const IBAN = new RegExp(String.raw`(?<![${WORD}\]])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}`, 'gu');
const PHONE = new RegExp(
  String.raw`(?<![${WORD}_+#@/.,\]-])(?:\+|\(\+?)?[0-9][0-9()]{0,20}(?:[ \u00a0\-./]\(?[0-9][0-9()]{0,20}){0,7}`,
  'gu',
);
const NOT_WORD_NEXT = String.raw`(?![${WORD}])`;

/** `#12345`, `order 12345`, `order number: 12345`, `bestelling 12345`, `Bestellnummer 12345`: five to twelve digits. */
export const DEFAULT_ORDER_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<![${WORD}&#\]])#[0-9]{5,12}${NOT_WORD_NEXT}`, 'gu'),
  new RegExp(
    String.raw`(?<![${WORD}\]])(?:order|bestelling|bestellung|bestell?|auftrags?)(?: ?(?:number|nummer|nr\.?|no\.?))?` +
      String.raw`[ :]{0,3}#?[0-9]{5,12}${NOT_WORD_NEXT}`,
    'giu',
  ),
];

/**
 * Replaces emails, IBANs (mod-97 checked), order numbers and phone numbers in a comment with
 * `[email]`, `[iban]`, `[order]` and `[phone]`, for copies that leave the service (docs/privacy.md).
 * Idempotent; dates, scores, amounts and years are left alone.
 */
export function maskPii(text: string, options: MaskPiiOptions = {}): MaskedText {
  const kinds = new Set(options.kinds ?? PII_KINDS);
  const found = new Set<PiiKind>();
  let masked = text;
  const mask = (kind: PiiKind, pass: (input: string) => string) => {
    if (!kinds.has(kind)) return;
    const before = masked;
    masked = pass(masked);
    if (masked !== before) found.add(kind);
  };
  mask('email', (input) => replaceLongestPrefix(input, EMAIL, '[email]', isEmail));
  mask('iban', (input) => replaceLongestPrefix(input, IBAN, '[iban]', ibanCandidate));
  mask('order', (input) =>
    (options.orderPatterns ?? DEFAULT_ORDER_PATTERNS).reduce(
      (current, pattern) => current.replace(globally(pattern), '[order]'),
      input,
    ),
  );
  mask('phone', (input) => replaceLongestPrefix(input, PHONE, '[phone]', isPhoneNumber));
  return { text: masked, found: PII_KINDS.filter((kind) => found.has(kind)) };
}

// A domain with a dot and a top-level label of letters: `user@localhost` and `a@b.c1` are not masked.
function isEmail(candidate: string): boolean {
  const at = candidate.indexOf('@');
  const dot = candidate.lastIndexOf('.');
  return at > 0 && dot > at + 1 && /^\p{L}{2,}$/u.test(candidate.slice(dot + 1));
}

function ibanCandidate(candidate: string): boolean {
  return ibanChecksumValid(candidate.replace(/ /g, '').toUpperCase());
}

/**
 * Replaces, at each match of `pattern`, the longest prefix of the match that `accept`s and is not
 * followed by a letter or digit. Without one, the search resumes after the match's first character.
 */
function replaceLongestPrefix(
  input: string,
  pattern: RegExp,
  placeholder: string,
  accept: (candidate: string) => boolean,
): string {
  const regex = new RegExp(pattern.source, pattern.flags);
  let output = '';
  let copied = 0;
  for (let match = regex.exec(input); match; match = regex.exec(input)) {
    const length = longestAccepted(input, match.index, match[0], accept);
    if (length === 0) {
      regex.lastIndex = match.index + 1;
      continue;
    }
    output += input.slice(copied, match.index) + placeholder;
    copied = match.index + length;
    regex.lastIndex = copied;
  }
  return output + input.slice(copied);
}

function longestAccepted(input: string, start: number, match: string, accept: (candidate: string) => boolean) {
  for (let length = match.length; length > 0; length--) {
    const last = match[length - 1];
    if (!/[\p{L}\p{N})]/u.test(last)) continue;
    // Two code units, so a letter outside the BMP is seen whole.
    if (/^[\p{L}\p{N}\p{M}]/u.test(input.slice(start + length, start + length + 2))) continue;
    if (accept(match.slice(0, length))) return length;
  }
  return 0;
}

function globally(pattern: RegExp): RegExp {
  return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}
