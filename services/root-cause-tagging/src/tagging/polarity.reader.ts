import { categoryOf } from '@nps/contracts';
import type { EncodedFeatures, TagClassifier } from '../model/tag.classifier';
import { opinionOfClause } from '../sentiment/opinion.scorer';
import type { CuePolarity } from '../taxonomy/taxonomy.types';
import type { CommentReading } from './comment.reader';

/** The polarity model's one pseudo-tag: the probability that a found tag is praise (ADR 0063). */
export const POSITIVE = 'positive';

/** Where a found tag is and what the rules made of it: all the polarity model reads. */
export interface FoundTagReading {
  reading: CommentReading;
  /** The clause its evidence is in. */
  clause: number;
  tagId: string;
  /** The polarity the rules gave it. */
  rule: CuePolarity;
  score: number | undefined;
}

/**
 * What the polarity model reads of one found tag (ADR 0063): the model features of the clause its
 * evidence is in (words, classes, pairs and cues, negated ones marked; a feature twice there counts
 * twice) and its context: the opinion of that clause, the polarity the rules gave it, the score alone
 * and with the tag. The rules already weigh the score against the clause; the model learns where they
 * are wrong, mostly for passives (7–8), who praise and blame about equally often.
 */
export function polarityFeatures(found: FoundTagReading): string[] {
  const features = context(found.tagId, found.rule, found.score, clauseOpinion(found.reading, found.clause));
  const { names, tokens } = found.reading.features;
  for (let i = 0; i < names.length; i++)
    if (found.reading.tokens[tokens[i]].clause === found.clause) features.push(names[i]);
  return features;
}

/**
 * Decides found tags' polarity with a trained polarity model. Reads what `polarityFeatures` names, but
 * through the ids the tag model already gave the comment's features, and with each context's ids
 * looked up once: the tagger's throughput (issue #20) pays little for it.
 */
export class PolarityReader {
  /** The polarity model's id of each tag model feature, -1 where it has none. */
  private readonly ids: Int32Array;
  /** Per context (tag, rule, score, opinion), the ids of its features. */
  private readonly contexts = new Map<string, number[]>();

  constructor(
    private readonly polarity: TagClassifier,
    tagModel: TagClassifier,
  ) {
    this.ids = polarity.idsOf(tagModel);
  }

  polarityOf(found: FoundTagReading, encoded: EncodedFeatures): CuePolarity {
    const { reading, clause } = found;
    const ids = [...this.contextIds(found.tagId, found.rule, found.score, clauseOpinion(reading, clause))];
    for (let k = 0; k < encoded.ids.length; k++) {
      const id = this.ids[encoded.ids[k]];
      if (id >= 0 && reading.tokens[encoded.tokens[k]].clause === clause) ids.push(id);
    }
    return this.polarity.probabilityOf(POSITIVE, ids) >= 0.5 ? 'positive' : 'negative';
  }

  private contextIds(tagId: string, rule: CuePolarity, score: number | undefined, opinion: number): number[] {
    const key = `${tagId} ${rule} ${score} ${opinion}`;
    let ids = this.contexts.get(key);
    if (!ids) {
      ids = context(tagId, rule, score, opinion)
        .map((name) => this.polarity.idOf(name))
        .filter((id) => id !== undefined);
      this.contexts.set(key, ids);
    }
    return ids;
  }
}

/** The sign of the opinion words of a clause: -1, 0 or 1. */
function clauseOpinion(reading: CommentReading, clause: number): number {
  return Math.sign(Math.round(opinionOfClause(reading.tokens, clause)));
}

function context(tagId: string, rule: CuePolarity, score: number | undefined, opinion: number): string[] {
  const band = score === undefined ? 'none' : categoryOf(score);
  return [
    `^score:${score ?? 'none'}`,
    `^band:${band}`,
    `^rule:${rule}`,
    `^rule:${rule}:${band}`,
    `^tag:${tagId}:${band}`,
    `^opinion:${opinion}:${band}`,
  ];
}
