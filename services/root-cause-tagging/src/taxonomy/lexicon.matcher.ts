import { tokenize } from '../text/comment.tokenizer';
import type { TaggedLanguage } from '../text/language';
import { stemWord } from '../text/word.stemmer';
import type { CuePolarity, TaxonomyTag } from './taxonomy.types';

export interface Cue {
  tagId: string;
  polarity?: CuePolarity;
}

export type MatchKind = 'phrase' | 'word' | 'compound' | 'typo';

/** A cue found in a comment, over tokens `from`..`to` (inclusive). */
export interface LexiconMatch extends Cue {
  from: number;
  to: number;
  kind: MatchKind;
  /** The phrase itself holds a negation ("niet geholpen"): the words before it do not flip it again. */
  selfNegated: boolean;
  /** For a typo, the stem of the term it is a typo of ("delievry" → "deliveri"). */
  corrected?: string;
}

interface PhraseCue extends Cue {
  stems: string[];
  selfNegated: boolean;
}

const COMPOUND_LANGUAGES: ReadonlySet<TaggedLanguage> = new Set(['nl', 'de']);
const MIN_COMPOUND_PART = 4;
const MIN_COMPOUND_REST = 3;
const MIN_TYPO_LENGTH = 5;
const MEMO_LIMIT = 20000;
/** Letters Dutch and German put between the parts of a compound. */
const LINKING = new Set(['s', 'n', 'e']);

/**
 * The taxonomy's terms of one language, compiled for lookup by stem: whole words, phrases,
 * parts of Dutch/German compounds ("levertijd" → lever…, "Kundenservice" → …service) and one-edit
 * typos ("delievry"). Built once per taxonomy version; matching is a few map lookups per word.
 */
export class LexiconMatcher {
  private readonly surfaces = new Map<string, Cue[]>();
  private readonly words = new Map<string, Cue[]>();
  private readonly phrases = new Map<string, PhraseCue[]>();
  private readonly compoundParts = new Map<string, Cue[]>();
  private readonly compoundMemo = new Map<string, Cue[] | null>();
  private readonly typoDeletes = new Map<string, { stem: string; cues: Cue[] }[]>();

  constructor(
    readonly language: TaggedLanguage,
    tags: readonly TaxonomyTag[],
    private readonly isNegator: (lower: string) => boolean,
  ) {
    for (const tag of tags) {
      for (const term of tag.terms[language] ?? []) this.add({ tagId: tag.id, polarity: term.polarity }, term.text);
    }
    for (const [stem, cues] of this.words) {
      if (stem.length >= MIN_TYPO_LENGTH)
        for (const key of [stem, ...deletions(stem)]) push(this.typoDeletes, key, { stem, cues });
    }
  }

  /** Every cue in the comment's tokens; a word inside a matched phrase is not matched again. */
  match(tokens: readonly { lower: string; stem: string }[]): LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    const covered = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      for (const phrase of this.phrases.get(tokens[i].stem) ?? []) {
        if (!phraseAt(tokens, i, phrase.stems)) continue;
        const to = i + phrase.stems.length - 1;
        matches.push({
          tagId: phrase.tagId,
          polarity: phrase.polarity,
          from: i,
          to,
          kind: 'phrase',
          selfNegated: phrase.selfNegated,
        });
        covered.fill(1, i, to + 1);
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const found = this.wordCues(tokens[i]);
      if (found)
        for (const cue of found.cues)
          matches.push({ ...cue, from: i, to: i, kind: found.kind, selfNegated: false, corrected: found.corrected });
    }
    return matches;
  }

  private wordCues(token: {
    lower: string;
    stem: string;
  }): { cues: Cue[]; kind: MatchKind; corrected?: string } | undefined {
    const exact = this.surfaces.get(token.lower) ?? this.words.get(token.stem);
    if (exact) return { cues: exact, kind: 'word' };
    if (COMPOUND_LANGUAGES.has(this.language)) {
      const parts = this.compoundCues(token.lower);
      if (parts) return { cues: parts, kind: 'compound' };
    }
    return this.typoCues(token.stem);
  }

  /**
   * Splits a compound into known stems (ADR 0009). The head (last part) decides its meaning, so heads
   * are tried before modifiers; a head may be inflected ("Paketzustellungen" → zustellung) and a
   * modifier may carry a linking "s"/"n"/"e" ("Lieferungsdatum"). Remembered per word.
   */
  private compoundCues(lower: string): Cue[] | undefined {
    const known = this.compoundMemo.get(lower);
    if (known !== undefined) return known ?? undefined;
    const found = this.splitCompound(lower);
    if (this.compoundMemo.size >= MEMO_LIMIT) this.compoundMemo.clear();
    this.compoundMemo.set(lower, found ?? null);
    return found;
  }

  private splitCompound(lower: string): Cue[] | undefined {
    const longest = lower.length - MIN_COMPOUND_REST;
    for (let length = longest; length >= MIN_COMPOUND_PART; length--) {
      const head = lower.slice(lower.length - length);
      const cues = this.compoundParts.get(head) ?? this.compoundParts.get(stemWord(this.language, head));
      if (cues) return cues;
    }
    for (let length = longest; length >= MIN_COMPOUND_PART; length--) {
      const modifier = lower.slice(0, length);
      const cues =
        this.compoundParts.get(modifier) ??
        (LINKING.has(modifier[length - 1]) ? this.compoundParts.get(modifier.slice(0, -1)) : undefined);
      if (cues) return cues;
    }
    return undefined;
  }

  private typoCues(stem: string): { cues: Cue[]; kind: MatchKind; corrected: string } | undefined {
    if (stem.length < MIN_TYPO_LENGTH + 1) return undefined;
    for (const key of [stem, ...deletions(stem)]) {
      for (const candidate of this.typoDeletes.get(key) ?? []) {
        if (candidate.stem[0] === stem[0] && Math.abs(candidate.stem.length - stem.length) <= 1)
          return { cues: candidate.cues, kind: 'typo', corrected: candidate.stem };
      }
    }
    return undefined;
  }

  private add(cue: Cue, text: string): void {
    const lowers = tokenize(text, () => false).map((token) => token.lower);
    if (lowers.length === 0) return;
    const stems = lowers.map((lower) => stemWord(this.language, lower));
    if (stems.length > 1) {
      push(this.phrases, stems[0], { ...cue, stems, selfNegated: lowers.some((lower) => this.isNegator(lower)) });
      return;
    }
    push(this.surfaces, lowers[0], cue);
    // Over-stemmed words ("leverbaar" → "lever") must not take another tag's stem.
    const taken = this.words.get(stems[0]);
    if (!taken || taken.some((other) => other.tagId === cue.tagId)) push(this.words, stems[0], cue);
    for (const part of new Set([stems[0], lowers[0]]))
      if (part.length >= MIN_COMPOUND_PART) push(this.compoundParts, part, cue);
  }
}

function phraseAt(tokens: readonly { stem: string }[], at: number, stems: readonly string[]): boolean {
  if (at + stems.length > tokens.length) return false;
  return stems.every((stem, offset) => tokens[at + offset].stem === stem);
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
