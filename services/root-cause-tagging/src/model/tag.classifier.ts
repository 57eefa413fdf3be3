import type { CommentFeatures } from './comment.features';

export interface TagPrediction {
  probability: number;
  logit: number;
  /** Token of the feature that pushed the tag most; -1 when none did. */
  token: number;
}

/** A comment's features as the model's ids, each with the token it comes from; unknown features left out. */
export interface EncodedFeatures {
  ids: number[];
  tokens: number[];
}

/** Features scored together (positions of encoded features): the whole comment, or one clause (for its cued tags). */
export interface FeatureGroup {
  members: readonly number[];
  onlyFor?: ReadonlySet<string>;
}

/**
 * A trained model, as stored in `model_versions.weights`: per tag, one weight per vocabulary feature
 * (0 where the feature says nothing about the tag). Nearly every weight is set, so index/weight pairs
 * cost twice the bytes and a small array per weight when loaded.
 */
export interface ClassifierWeights {
  vocabulary: string[];
  classifiers: { tagId: string; bias: number; weights: number[] }[];
  /** How a found tag's polarity reads (ADR 0063): one pseudo-tag, `positive`. Absent: the rules decide. */
  polarity?: ClassifierWeights;
}

export interface TrainingExample {
  features: readonly string[];
  /** Tags the comment has. */
  tags: ReadonlySet<string>;
  /**
   * Tags the example says something about; others are left out of their classifier. A confirmed
   * root cause names one tag and says nothing about the rest of the comment.
   */
  known?: ReadonlySet<string>;
  /** How much the example counts against one labelled comment (default 1). */
  weight?: number;
}

const EPOCHS = 80;
const LEARNING_RATE = 0.5;
/**
 * With thousands of training comments (ADR 0056) a stronger pull to zero generalises better: 0.01
 * against 0.0005 gained about 0.01 F1 both in 5-fold and in leave-one-annotator-out cross-validation.
 */
const L2 = 0.01;
const POSITIVE_WEIGHT = 3;
const MIN_POSITIVES = 2;
const MIN_FEATURE_COUNT = 1;

/**
 * One logistic regression per tag over binary features, trained by plain SGD in a fixed order
 * from zero weights: the same examples always give the same model (ADR 0009).
 */
export class TagClassifier {
  private readonly index: Map<string, number>;

  private constructor(
    private readonly vocabulary: readonly string[],
    private readonly tags: readonly string[],
    private readonly biases: Float64Array,
    /**
     * Weights feature by feature (row = feature, column = tag): one pass over a comment's features scores
     * every tag. The only copy of the weights a loaded model keeps: its pairs, as stored, took 25 MB for
     * 35,000 features (ADR 0056).
     */
    private readonly matrix: Float64Array,
    /** The model of a found tag's polarity, if this one was trained with one (ADR 0063). */
    readonly polarity?: TagClassifier,
  ) {
    this.index = new Map(vocabulary.map((feature, i) => [feature, i]));
  }

  static fromWeights(model: ClassifierWeights): TagClassifier {
    const tags = model.classifiers.length;
    const matrix = new Float64Array(model.vocabulary.length * tags);
    model.classifiers.forEach((classifier, t) => {
      classifier.weights.forEach((w, i) => (matrix[i * tags + t] = w));
    });
    return new TagClassifier(
      model.vocabulary,
      model.classifiers.map((classifier) => classifier.tagId),
      Float64Array.from(model.classifiers, (classifier) => classifier.bias),
      matrix,
      model.polarity && TagClassifier.fromWeights(model.polarity),
    );
  }

  /**
   * `positiveWeight`: how much more a positive example counts than a negative one. Tags are rare in
   * comments, so their positives count three times; a polarity is either way about as often.
   */
  static train(
    examples: readonly TrainingExample[],
    tagIds: readonly string[],
    positiveWeight = POSITIVE_WEIGHT,
  ): TagClassifier {
    // Every feature seen in training is kept: without character n-grams the vocabulary stays small, and a
    // word seen once still helps the comment it is in (5-fold cross-validation, ADR 0040).
    const seen = new Map<string, number>();
    for (const example of examples)
      for (const feature of example.features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
    const vocabulary = [...seen]
      .filter(([, count]) => count >= MIN_FEATURE_COUNT)
      .map(([feature]) => feature)
      .sort();
    const index = new Map(vocabulary.map((feature, i) => [feature, i]));
    const encoded = examples.map((example) => ({
      ...example,
      ids: example.features.map((feature) => index.get(feature) ?? -1).filter((i) => i >= 0),
    }));
    const fitted: { tagId: string; bias: number; weights: Float64Array }[] = [];
    for (const tagId of tagIds) {
      const relevant = encoded.filter((example) => !example.known || example.known.has(tagId));
      if (relevant.filter((example) => example.tags.has(tagId)).length < MIN_POSITIVES) continue;
      fitted.push({ tagId, ...fit(relevant, tagId, vocabulary.length, positiveWeight) });
    }
    // Straight into the matrix, rounded as stored: no [index, weight] pair per weight on the way.
    const tags = fitted.length;
    const matrix = new Float64Array(vocabulary.length * tags);
    fitted.forEach(({ weights }, t) =>
      weights.forEach((w, i) => {
        if (Math.abs(w) > 1e-4) matrix[i * tags + t] = round(w);
      }),
    );
    return new TagClassifier(
      vocabulary,
      fitted.map(({ tagId }) => tagId),
      Float64Array.from(fitted, ({ bias }) => bias),
      matrix,
    );
  }

  /** The model as stored in `model_versions.weights`, rebuilt from the matrix. */
  get weights(): ClassifierWeights {
    const tags = this.tags.length;
    return {
      vocabulary: [...this.vocabulary],
      classifiers: this.tags.map((tagId, t) => ({
        tagId,
        bias: this.biases[t],
        weights: Array.from(this.vocabulary, (_, i) => this.matrix[i * tags + t]),
      })),
      ...(this.polarity && { polarity: this.polarity.weights }),
    };
  }

  get tagIds(): string[] {
    return [...this.tags];
  }

  /** Whether both models have the same features, tags and weights (a retrain that learned nothing new). */
  equals(other: TagClassifier): boolean {
    return (
      sameItems(this.vocabulary, other.vocabulary) &&
      sameItems(this.tags, other.tags) &&
      sameItems(this.biases, other.biases) &&
      sameItems(this.matrix, other.matrix) &&
      (this.polarity === undefined
        ? other.polarity === undefined
        : other.polarity !== undefined && this.polarity.equals(other.polarity))
    );
  }

  /** The same model, with `polarity` to read the polarity of the tags it finds (none: the rules decide). */
  withPolarity(polarity: TagClassifier | undefined): TagClassifier {
    return new TagClassifier(this.vocabulary, this.tags, this.biases, this.matrix, polarity);
  }

  /** This model's id of each feature of `other`'s vocabulary, -1 for those it does not know. */
  idsOf(other: TagClassifier): Int32Array {
    return Int32Array.from(other.vocabulary, (feature) => this.index.get(feature) ?? -1);
  }

  idOf(feature: string): number | undefined {
    return this.index.get(feature);
  }

  /** The probability of `tagId` given the feature ids of one example, scored as one group, as in training. */
  probabilityOf(tagId: string, ids: readonly number[]): number {
    const t = this.tags.indexOf(tagId);
    if (t < 0) return 0;
    const tags = this.tags.length;
    let sum = 0;
    for (const id of ids) sum += this.matrix[id * tags + t];
    return sigmoid(this.biases[t] + sum / Math.sqrt(Math.max(1, ids.length)));
  }

  /** Drops features the model never saw; the rest as indexes, with the token each comes from. */
  encode(features: CommentFeatures): EncodedFeatures {
    const ids: number[] = [];
    const tokens: number[] = [];
    for (let i = 0; i < features.names.length; i++) {
      const id = this.index.get(features.names[i]);
      if (id === undefined) continue;
      ids.push(id);
      tokens.push(features.tokens[i]);
    }
    return { ids, tokens };
  }

  /**
   * Probability per tag the model knows, and the token of the feature that pushed it most. Each
   * group of features (positions in `ids`: the whole comment, each clause) is scored on its own and
   * the best one counts: a second root cause in a long comment is not drowned by the rest (ADR 0009).
   */
  predict(
    ids: readonly number[],
    tokens: readonly number[],
    groups: readonly FeatureGroup[],
  ): Map<string, TagPrediction> {
    const tags = this.tags.length;
    const best = new Float64Array(tags).fill(-Infinity);
    const bestToken = new Int32Array(tags).fill(-1);
    const sums = new Float64Array(tags);
    const strongest = new Float64Array(tags);
    const strongestToken = new Int32Array(tags);
    for (const { members, onlyFor } of groups) {
      if (members.length === 0) continue;
      const scale = 1 / Math.sqrt(members.length);
      sums.set(this.biases);
      strongest.fill(-Infinity);
      strongestToken.fill(-1);
      for (const member of members) {
        const row = ids[member] * tags;
        for (let t = 0; t < tags; t++) {
          const w = this.matrix[row + t];
          sums[t] += w * scale;
          if (w > strongest[t]) {
            strongest[t] = w;
            strongestToken[t] = tokens[member];
          }
        }
      }
      for (let t = 0; t < tags; t++) {
        if ((onlyFor && !onlyFor.has(this.tags[t])) || sums[t] <= best[t]) continue;
        best[t] = sums[t];
        bestToken[t] = strongestToken[t];
      }
    }
    const result = new Map<string, TagPrediction>();
    this.tags.forEach((tagId, t) => {
      const logit = best[t] === -Infinity ? this.biases[t] : best[t];
      result.set(tagId, { probability: sigmoid(logit), logit, token: bestToken[t] });
    });
    return result;
  }

  /** The same model with each tag's bias moved so that probability 0.5 falls on its chosen threshold. */
  withThresholds(thresholds: ReadonlyMap<string, number>): TagClassifier {
    const biases = Float64Array.from(this.tags, (tagId, t) => {
      const threshold = thresholds.get(tagId);
      return threshold === undefined ? this.biases[t] : round(this.biases[t] - Math.log(threshold / (1 - threshold)));
    });
    return new TagClassifier(this.vocabulary, this.tags, biases, this.matrix, this.polarity);
  }
}

function sameItems<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fit(
  examples: readonly { ids: number[]; tags: ReadonlySet<string>; weight?: number }[],
  tagId: string,
  size: number,
  positiveWeight: number,
): { bias: number; weights: Float64Array } {
  // Every example's features laid end to end in typed arrays: with 3,900 examples the object-walking
  // loop took 4-7 s per training (ADR 0056), this one about 1 s, with the same arithmetic in the same order.
  const count = examples.length;
  const offsets = new Int32Array(count + 1);
  examples.forEach((example, e) => (offsets[e + 1] = offsets[e] + example.ids.length));
  const ids = new Int32Array(offsets[count]);
  const scales = new Float64Array(count);
  const targets = new Float64Array(count);
  const steps = new Float64Array(count);
  examples.forEach((example, e) => {
    ids.set(example.ids, offsets[e]);
    scales[e] = 1 / Math.sqrt(Math.max(1, example.ids.length));
    const positive = example.tags.has(tagId);
    targets[e] = positive ? 1 : 0;
    steps[e] = (positive ? positiveWeight : 1) * (example.weight ?? 1);
  });
  const weights = new Float64Array(size);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch * 0.1);
    const decay = rate * L2;
    for (let e = 0; e < count; e++) {
      const from = offsets[e];
      const to = offsets[e + 1];
      const scale = scales[e];
      let sum = bias;
      for (let k = from; k < to; k++) sum += weights[ids[k]] * scale;
      const step = rate * (targets[e] - sigmoid(sum)) * steps[e];
      bias += step;
      const delta = step * scale;
      for (let k = from; k < to; k++) weights[ids[k]] += delta - decay * weights[ids[k]];
    }
  }
  return { bias, weights };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
