import { categoryOf, type NpsCategoryName } from '@nps/contracts';
import type { EncodedFeatures, FeatureGroup, TagClassifier, TagPrediction } from '../model/tag.classifier';
import { type AnalysedToken, opinionOfClause } from '../sentiment/opinion.scorer';
import { CONTRAST_WORDS, WISH_WORDS } from '../sentiment/sentiment.words';
import type { LexiconMatch, MatchKind } from '../taxonomy/lexicon.matcher';
import type { CuePolarity, TaxonomyTag } from '../taxonomy/taxonomy.types';
import { codePointIndex } from '../text/comment.tokenizer';
import { TAGGED_LANGUAGES, type TaggedLanguage } from '../text/language';
import { detectLanguage } from '../text/language.detector';
import { type CommentReading, CommentReader, cueSign } from './comment.reader';
import { type FoundTagReading, PolarityReader, polarityFeatures } from './polarity.reader';
import type { FoundTag, TaggingInput, TaggingResult } from './tagging.result';

/** How much one cue says that its tag is there, before the model has its say. */
const KIND_STRENGTH: Record<MatchKind, number> = { phrase: 0.95, word: 0.9, compound: 0.8, typo: 0.7 };
/** A subject named without any opinion in its clause ("I called about my invoice") is weak evidence. */
const BARE_MENTION = 0.4;
/** Lexicon evidence alone (a tag the model has no classifier for) must be this strong. */
export const TAG_THRESHOLD = 0.5;
/** The model's probability a tag needs; each tag's threshold chosen on dev is folded into its bias. */
export const MODEL_THRESHOLD = 0.5;
/** How much the score weighs against the opinion words around a cue, and a "but" clause's lean. */
const SCORE_PRIOR = 3;
const SCORE_LEAN: Record<NpsCategoryName, number> = { detractor: -1, passive: 0, promoter: 1 };
/** A cue that is an opinion in itself ("pünktlich", "rude") is the customer's own word: the score weighs less. */
const SCORE_PRIOR_AGAINST_CUE = 1.5;
const CONTRAST_LEAN = -0.5;
const CONTRAST = new Set(CONTRAST_WORDS);
/** A wish names an unmet need ("could be faster", "kon sneller"): the guideline counts it negative. */
const WISH_LEAN = -2;
const WISH = new Set(WISH_WORDS);

/** A tag found, and the clause its evidence is in (the one that said most). */
interface Found {
  tag: FoundTag;
  clause: number;
}

/** The polarity of a tag from the lean of its evidence and the clause it is in. */
type Stance = (lean: number, clause: number, opinionCue?: boolean) => CuePolarity;

const CUE_WEIGHT = 2;
const DISTANCE_DECAY = 0.3;
/** Words further from a cue than this say nothing about it (and long comments stay linear). */
const OPINION_REACH = 10;

interface TagEvidence {
  /** Each cue with how much it says (its own opinion and its clause's). */
  matches: { match: LexiconMatch; weight: number }[];
  strength: number;
  lean: number;
  /** One of its cues is an opinion in itself. */
  opinionCue: boolean;
}

/**
 * Tags one comment: language, sentiment, and root causes with polarity, confidence and span.
 * Lexicon cues (with negation, compounds, typos) find the subjects; the opinion words around a
 * cue decide its polarity; the learned model adds tags for wordings the lexicon does not know.
 * Pure and synchronous: no I/O, same input → same output (ADR 0009).
 */
export class CommentTagger {
  private readonly reader: CommentReader;
  private readonly knownTags: Set<string>;
  private readonly vocabulary: Record<TaggedLanguage, Set<string>>;
  /** Decides the polarity of the tags found when the model has a polarity model (ADR 0063); else the rules do. */
  private readonly polarity?: PolarityReader;

  constructor(
    tags: readonly TaxonomyTag[],
    private readonly model: TagClassifier | undefined,
  ) {
    this.reader = new CommentReader(tags);
    this.knownTags = new Set(tags.map((tag) => tag.id));
    this.vocabulary = Object.fromEntries(
      TAGGED_LANGUAGES.map((language) => [
        language,
        new Set(
          tags.flatMap((tag) =>
            (tag.terms[language] ?? []).flatMap((term) => term.text.toLowerCase().split(/[^\p{L}']+/u)),
          ),
        ),
      ]),
    ) as Record<TaggedLanguage, Set<string>>;
    this.polarity = model?.polarity && new PolarityReader(model.polarity, model);
  }

  tag(input: TaggingInput): TaggingResult {
    const { result, reading, encoded, clauses } = this.find(input);
    const polarity = this.polarity;
    if (!polarity || !reading || !encoded) return result;
    result.tags.forEach((found, i) => {
      found.polarity = polarity.polarityOf(this.foundReading(input, reading, clauses[i], found), encoded);
    });
    return result;
  }

  /**
   * Each tag the rules and the tag model find, with its rule-decided polarity and what the polarity model
   * reads of it: the polarity model's training examples (ADR 0063).
   */
  polarityReadings(input: TaggingInput): { found: FoundTag; features: string[] }[] {
    const { result, reading, clauses } = this.find(input);
    if (!reading) return [];
    return result.tags.map((found, i) => ({
      found,
      features: polarityFeatures(this.foundReading(input, reading, clauses[i], found)),
    }));
  }

  private foundReading(input: TaggingInput, reading: CommentReading, clause: number, found: FoundTag): FoundTagReading {
    return { reading, clause, tagId: found.tagId, rule: found.polarity, score: input.score };
  }

  /** The tags found, each with the clause its evidence is in; polarity as the rules decide it. */
  private find(input: TaggingInput): {
    result: TaggingResult;
    reading?: CommentReading;
    encoded?: EncodedFeatures;
    clauses: number[];
  } {
    const guess = detectLanguage(input.text, input.languageHint, this.vocabulary);
    if (guess.language === 'other')
      return {
        result: { language: 'other', languageConfidence: guess.confidence, sentiment: 0, tags: [] },
        clauses: [],
      };
    const reading = this.reader.read(input.text, guess.language);
    const { tokens, matches } = reading;
    const cueOpinion = matches.reduce((sum, match) => sum + cueSign(match, tokens), 0);
    const total = tokens.reduce((sum, token) => sum + token.opinion, 0) + cueOpinion;
    const sentiment = round(Math.tanh(total / 3));
    const fallback = this.stance(tokens, sentiment, input.score);
    const evidence = this.evidence(matches, tokens);
    const encoded = this.model && tokens.length > 0 ? this.model.encode(reading.features) : undefined;
    const predictions =
      this.model && encoded ? predictTags(this.model, reading, encoded) : new Map<string, TagPrediction>();
    const tags: FoundTag[] = [];
    const clauses: number[] = [];
    const add = (found: Found | undefined) => {
      if (!found) return;
      tags.push(found.tag);
      clauses.push(found.clause);
    };
    for (const tagId of this.knownTags) {
      const lexicon = evidence.get(tagId);
      const learned = predictions.get(tagId);
      if (learned) {
        // The model has seen the lexicon's cues as features and weighs them against the rest (ADR 0009).
        if (learned.probability < MODEL_THRESHOLD) continue;
        add(
          lexicon
            ? this.lexiconTag(input.text, tokens, tagId, lexicon, learned.probability, fallback)
            : this.modelTag(input.text, tokens, tagId, learned, fallback),
        );
      } else if (lexicon && lexicon.strength >= TAG_THRESHOLD) {
        add(this.lexiconTag(input.text, tokens, tagId, lexicon, lexicon.strength, fallback));
      }
    }
    return {
      result: { language: guess.language, languageConfidence: guess.confidence, sentiment, tags },
      reading,
      encoded,
      clauses,
    };
  }

  /**
   * How a tag's polarity is decided: what its cues and clause say, plus the score (customers below 7
   * hardly ever praise a cause, those above 8 hardly ever blame one, ADR 0009), plus a lean to the
   * negative for a clause opened by "but"/"maar"/"aber" and for a wish. When all that is even: the comment's sentiment.
   */
  private stance(tokens: readonly AnalysedToken[], sentiment: number, score: number | undefined): Stance {
    const prior = score === undefined ? 0 : SCORE_LEAN[categoryOf(score)];
    const contrasted = new Set<number>();
    const wished = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      if (CONTRAST.has(tokens[i].lower) && (i === 0 || tokens[i - 1].clause !== tokens[i].clause))
        contrasted.add(tokens[i].clause);
      if (WISH.has(tokens[i].lower)) wished.add(tokens[i].clause);
    }
    const fallback = fallbackPolarity(sentiment, score);
    return (lean, clause, opinionCue = false) => {
      const weight = opinionCue ? SCORE_PRIOR_AGAINST_CUE : SCORE_PRIOR;
      const total =
        lean + prior * weight + (contrasted.has(clause) ? CONTRAST_LEAN : 0) + (wished.has(clause) ? WISH_LEAN : 0);
      return total > 0.05 ? 'positive' : total < -0.05 ? 'negative' : fallback;
    };
  }

  private evidence(matches: readonly LexiconMatch[], tokens: readonly AnalysedToken[]): Map<string, TagEvidence> {
    const byTag = new Map<string, TagEvidence>();
    for (const match of matches) {
      if (!this.knownTags.has(match.tagId)) continue;
      const cue = cueSign(match, tokens);
      const context = clauseOpinion(tokens, match);
      const opinionated = cue !== 0 || context !== 0;
      const strength = KIND_STRENGTH[match.kind] * (opinionated ? 1 : BARE_MENTION);
      const entry = byTag.get(match.tagId) ?? { matches: [], strength: 0, lean: 0, opinionCue: false };
      entry.matches.push({ match, weight: Math.abs(cue) + Math.abs(context) });
      entry.strength = Math.max(entry.strength, strength);
      entry.lean += cue * CUE_WEIGHT + context;
      entry.opinionCue ||= match.polarity !== undefined;
      byTag.set(match.tagId, entry);
    }
    return byTag;
  }

  private lexiconTag(
    text: string,
    tokens: readonly AnalysedToken[],
    tagId: string,
    evidence: TagEvidence,
    confidence: number,
    fallback: Stance,
  ): Found {
    const polarity = fallback(evidence.lean, tokens[evidence.matches[0].match.from].clause, evidence.opinionCue);
    // The span covers the cues of the clause that said most about the tag.
    const strongest = evidence.matches.reduce((best, candidate) =>
      candidate.weight > best.weight ? candidate : best,
    ).match;
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
    return { tag: { tagId, polarity, confidence: round(confidence), span: span(text, from, to) }, clause };
  }

  private modelTag(
    text: string,
    tokens: readonly AnalysedToken[],
    tagId: string,
    learned: TagPrediction,
    fallback: Stance,
  ): Found | undefined {
    const token = tokens[learned.token];
    if (!token) return undefined;
    const polarity = fallback(opinionOfClause(tokens, token.clause), token.clause);
    return {
      tag: { tagId, polarity, confidence: round(learned.probability), span: span(text, token.start, token.end) },
      clause: token.clause,
    };
  }
}

/** The model's view: the whole comment and, when it has several, each clause on its own. */
export function predictTags(
  model: TagClassifier,
  reading: CommentReading,
  { ids, tokens }: EncodedFeatures = model.encode(reading.features),
): Map<string, TagPrediction> {
  const whole: number[] = [];
  const inWhole = new Set<number>();
  const clauses = new Map<number, { members: number[]; seen: Set<number> }>();
  for (let i = 0; i < ids.length; i++) {
    if (!inWhole.has(ids[i])) {
      inWhole.add(ids[i]);
      whole.push(i);
    }
    const clause = reading.tokens[tokens[i]].clause;
    let group = clauses.get(clause);
    if (!group) clauses.set(clause, (group = { members: [], seen: new Set() }));
    if (!group.seen.has(ids[i])) {
      group.seen.add(ids[i]);
      group.members.push(i);
    }
  }
  const groups: FeatureGroup[] = [{ members: whole }];
  if (clauses.size > 1) {
    const cued = new Map<number, Set<string>>();
    for (const match of reading.matches) {
      const clause = reading.tokens[match.from].clause;
      cued.set(clause, (cued.get(clause) ?? new Set()).add(match.tagId));
    }
    for (const [clause, group] of clauses) {
      const onlyFor = cued.get(clause);
      if (onlyFor) groups.push({ members: group.members, onlyFor });
    }
  }
  return model.predict(ids, tokens, groups);
}

/** Opinion words near the cue in its clause, nearer ones counting more; the cue's own words are left out. */
function clauseOpinion(tokens: readonly AnalysedToken[], match: LexiconMatch): number {
  const clause = tokens[match.from].clause;
  let sum = 0;
  for (let i = match.from - 1; i >= Math.max(0, match.from - OPINION_REACH) && tokens[i].clause === clause; i--)
    sum += tokens[i].opinion / (1 + DISTANCE_DECAY * (match.from - i));
  for (
    let i = match.to + 1;
    i < Math.min(tokens.length, match.to + 1 + OPINION_REACH) && tokens[i].clause === clause;
    i++
  )
    sum += tokens[i].opinion / (1 + DISTANCE_DECAY * (i - match.to));
  return sum;
}

function strongestOpinionNear(tokens: readonly AnalysedToken[], match: LexiconMatch): AnalysedToken | undefined {
  const clause = tokens[match.from].clause;
  let best: AnalysedToken | undefined;
  let bestWeight = 0;
  for (
    let i = Math.max(0, match.from - OPINION_REACH);
    i < Math.min(tokens.length, match.to + 1 + OPINION_REACH);
    i++
  ) {
    if ((i >= match.from && i <= match.to) || tokens[i].clause !== clause || tokens[i].opinion === 0) continue;
    const weight =
      Math.abs(tokens[i].opinion) / (1 + DISTANCE_DECAY * Math.abs(i < match.from ? match.from - i : i - match.to));
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
  return score !== undefined && categoryOf(score) !== 'detractor' ? 'positive' : 'negative';
}

function span(text: string, from: number, to: number): FoundTag['span'] {
  return { start: codePointIndex(text, from), end: codePointIndex(text, to), text: text.slice(from, to) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
