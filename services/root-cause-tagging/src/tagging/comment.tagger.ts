import { commentFeatures } from '../model/comment.features';
import type { TagClassifier } from '../model/tag.classifier';
import { type AnalysedToken, analyse, isNegator } from '../sentiment/opinion.scorer';
import { type LexiconMatch, LexiconMatcher, type MatchKind } from '../taxonomy/lexicon.matcher';
import type { CuePolarity, TaxonomyTag } from '../taxonomy/taxonomy.types';
import { codePointIndex } from '../text/comment.tokenizer';
import { TAGGED_LANGUAGES, type TaggedLanguage } from '../text/language';
import { detectLanguage } from '../text/language.detector';
import type { FoundTag, TaggingInput, TaggingResult } from './tagging.result';

/** How much one cue says that its tag is there, before the model has its say. */
const KIND_STRENGTH: Record<MatchKind, number> = { phrase: 0.95, word: 0.9, compound: 0.8, typo: 0.7 };
/** A subject named without any opinion in its clause ("I called about my invoice") is weak evidence. */
const BARE_MENTION = 0.4;
export const TAG_THRESHOLD = 0.5;
/** The model alone must be this sure: no wild guesses on text the lexicon does not know. */
export const MODEL_ONLY_THRESHOLD = 0.8;
const CUE_WEIGHT = 2;
const DISTANCE_DECAY = 0.3;
/** Words further from a cue than this say nothing about it (and long comments stay linear). */
const OPINION_REACH = 10;

interface TagEvidence {
  /** Each cue with how much it says (its own opinion and its clause's). */
  matches: { match: LexiconMatch; weight: number }[];
  strength: number;
  lean: number;
}

/**
 * Tags one comment: language, sentiment, and root causes with polarity, confidence and span.
 * Lexicon cues (with negation, compounds, typos) find the subjects; the opinion words around a
 * cue decide its polarity; the learned model adds tags for wordings the lexicon does not know.
 * Pure and synchronous: no I/O, same input → same output (ADR 0009).
 */
export class CommentTagger {
  private readonly matchers: Record<TaggedLanguage, LexiconMatcher>;
  private readonly knownTags: Set<string>;
  private readonly vocabulary: Record<TaggedLanguage, Set<string>>;

  constructor(
    tags: readonly TaxonomyTag[],
    private readonly model: TagClassifier | undefined,
  ) {
    this.matchers = Object.fromEntries(TAGGED_LANGUAGES.map((language) => [language, new LexiconMatcher(language, tags, (lower) => isNegator(language, lower))])) as Record<
      TaggedLanguage,
      LexiconMatcher
    >;
    this.knownTags = new Set(tags.map((tag) => tag.id));
    this.vocabulary = Object.fromEntries(
      TAGGED_LANGUAGES.map((language) => [language, new Set(tags.flatMap((tag) => (tag.terms[language] ?? []).flatMap((term) => term.text.toLowerCase().split(/[^\p{L}']+/u))))]),
    ) as Record<TaggedLanguage, Set<string>>;
  }

  tag(input: TaggingInput): TaggingResult {
    const guess = detectLanguage(input.text, input.languageHint, this.vocabulary);
    if (guess.language === 'other') return { language: 'other', languageConfidence: guess.confidence, sentiment: 0, tags: [] };
    const tokens = analyse(input.text, guess.language);
    const matches = this.matchers[guess.language].match(tokens);
    const cueOpinion = matches.reduce((sum, match) => sum + cueSign(match, tokens), 0);
    const total = tokens.reduce((sum, token) => sum + token.opinion, 0) + cueOpinion;
    const sentiment = round(Math.tanh(total / 3));
    const fallback = fallbackPolarity(sentiment, input.score);
    const evidence = this.evidence(matches, tokens);
    const predictions = this.model && tokens.length > 0 ? this.model.predict(commentFeatures(tokens)) : new Map<string, { probability: number; strongestFeature?: string }>();
    const tags: FoundTag[] = [];
    for (const tagId of this.knownTags) {
      const lexicon = evidence.get(tagId);
      const learned = predictions.get(tagId);
      const probability = learned?.probability ?? 0;
      if (lexicon) {
        const confidence = 1 - (1 - lexicon.strength) * (1 - probability * 0.8);
        if (confidence >= TAG_THRESHOLD) tags.push(this.lexiconTag(input.text, tokens, tagId, lexicon, confidence, fallback));
      } else if (learned && probability >= MODEL_ONLY_THRESHOLD) {
        const found = this.modelTag(input.text, tokens, tagId, probability, learned.strongestFeature, fallback);
        if (found) tags.push(found);
      }
    }
    return { language: guess.language, languageConfidence: guess.confidence, sentiment, tags };
  }

  private evidence(matches: readonly LexiconMatch[], tokens: readonly AnalysedToken[]): Map<string, TagEvidence> {
    const byTag = new Map<string, TagEvidence>();
    for (const match of matches) {
      if (!this.knownTags.has(match.tagId)) continue;
      const cue = cueSign(match, tokens);
      const context = clauseOpinion(tokens, match);
      const opinionated = cue !== 0 || context !== 0;
      const strength = KIND_STRENGTH[match.kind] * (opinionated ? 1 : BARE_MENTION);
      const entry = byTag.get(match.tagId) ?? { matches: [], strength: 0, lean: 0 };
      entry.matches.push({ match, weight: Math.abs(cue) + Math.abs(context) });
      entry.strength = Math.max(entry.strength, strength);
      entry.lean += cue * CUE_WEIGHT + context;
      byTag.set(match.tagId, entry);
    }
    return byTag;
  }

  private lexiconTag(text: string, tokens: readonly AnalysedToken[], tagId: string, evidence: TagEvidence, confidence: number, fallback: CuePolarity): FoundTag {
    const polarity: CuePolarity = evidence.lean > 0.05 ? 'positive' : evidence.lean < -0.05 ? 'negative' : fallback;
    // The span covers the cues of the clause that said most about the tag.
    const strongest = evidence.matches.reduce((best, candidate) => (candidate.weight > best.weight ? candidate : best)).match;
    const clause = tokens[strongest.from].clause;
    let from = tokens[strongest.from].start;
    let to = tokens[strongest.to].end;
    for (const { match } of evidence.matches) {
      if (tokens[match.from].clause !== clause) continue;
      from = Math.min(from, tokens[match.from].start);
      to = Math.max(to, tokens[match.to].end);
    }
    // "Delivery was fast": the opinion word that decided the polarity belongs in the span too.
    const opinion = strongestOpinionNear(tokens, strongest);
    if (opinion) {
      from = Math.min(from, opinion.start);
      to = Math.max(to, opinion.end);
    }
    return { tagId, polarity, confidence: round(confidence), span: span(text, from, to) };
  }

  private modelTag(text: string, tokens: readonly AnalysedToken[], tagId: string, probability: number, feature: string | undefined, fallback: CuePolarity): FoundTag | undefined {
    const stem = feature?.replace(/^!/, '').split('_')[0];
    const at = tokens.findIndex((token) => token.stem === stem);
    if (at < 0) return undefined;
    const token = tokens[at];
    const lean = tokens.reduce((sum, other) => (other.clause === token.clause ? sum + other.opinion : sum), 0);
    const polarity: CuePolarity = lean > 0.05 ? 'positive' : lean < -0.05 ? 'negative' : fallback;
    return { tagId, polarity, confidence: round(probability), span: span(text, token.start, token.end) };
  }
}

/**
 * +1/-1 for a cue that is an opinion in itself (flipped when negated); for a plain subject 0, or
 * -1 when negated: its absence is the complaint ("niet op voorraad", "no confirmation").
 */
function cueSign(match: LexiconMatch, tokens: readonly AnalysedToken[]): number {
  const negated = !match.selfNegated && tokens[match.from].negated;
  if (!match.polarity) return negated ? -1 : 0;
  const sign = match.polarity === 'positive' ? 1 : -1;
  return negated ? -sign : sign;
}

/** Opinion words near the cue in its clause, nearer ones counting more; the cue's own words are left out. */
function clauseOpinion(tokens: readonly AnalysedToken[], match: LexiconMatch): number {
  const clause = tokens[match.from].clause;
  let sum = 0;
  for (let i = match.from - 1; i >= Math.max(0, match.from - OPINION_REACH) && tokens[i].clause === clause; i--) sum += tokens[i].opinion / (1 + DISTANCE_DECAY * (match.from - i));
  for (let i = match.to + 1; i < Math.min(tokens.length, match.to + 1 + OPINION_REACH) && tokens[i].clause === clause; i++) sum += tokens[i].opinion / (1 + DISTANCE_DECAY * (i - match.to));
  return sum;
}

function strongestOpinionNear(tokens: readonly AnalysedToken[], match: LexiconMatch): AnalysedToken | undefined {
  const clause = tokens[match.from].clause;
  let best: AnalysedToken | undefined;
  let bestWeight = 0;
  for (let i = Math.max(0, match.from - OPINION_REACH); i < Math.min(tokens.length, match.to + 1 + OPINION_REACH); i++) {
    if ((i >= match.from && i <= match.to) || tokens[i].clause !== clause || tokens[i].opinion === 0) continue;
    const weight = Math.abs(tokens[i].opinion) / (1 + DISTANCE_DECAY * Math.abs(i < match.from ? match.from - i : i - match.to));
    if (weight > bestWeight) {
      best = tokens[i];
      bestWeight = weight;
    }
  }
  return best;
}

function fallbackPolarity(sentiment: number, score: number | undefined): CuePolarity {
  if (sentiment > 0.05) return 'positive';
  if (sentiment < -0.05) return 'negative';
  return score !== undefined && score >= 7 ? 'positive' : 'negative';
}

function span(text: string, from: number, to: number): FoundTag['span'] {
  return { start: codePointIndex(text, from), end: codePointIndex(text, to), text: text.slice(from, to) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
