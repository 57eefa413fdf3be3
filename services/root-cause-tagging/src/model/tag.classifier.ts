/** A trained model, as stored in `model_versions.weights`. */
export interface ClassifierWeights {
  vocabulary: string[];
  classifiers: { tagId: string; bias: number; weights: [number, number][] }[];
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
}

const EPOCHS = 40;
const LEARNING_RATE = 0.5;
const L2 = 0.0005;
const POSITIVE_WEIGHT = 3;
const MIN_POSITIVES = 2;

/**
 * One logistic regression per tag over binary features, trained by plain SGD in a fixed order
 * from zero weights: the same examples always give the same model (ADR 0009).
 */
export class TagClassifier {
  private readonly index: Map<string, number>;

  private constructor(private readonly model: ClassifierWeights, private readonly dense: { tagId: string; bias: number; weights: Float64Array }[]) {
    this.index = new Map(model.vocabulary.map((feature, i) => [feature, i]));
  }

  static fromWeights(model: ClassifierWeights): TagClassifier {
    const size = model.vocabulary.length;
    const dense = model.classifiers.map((classifier) => {
      const weights = new Float64Array(size);
      for (const [i, w] of classifier.weights) weights[i] = w;
      return { tagId: classifier.tagId, bias: classifier.bias, weights };
    });
    return new TagClassifier(model, dense);
  }

  static train(examples: readonly TrainingExample[], tagIds: readonly string[]): TagClassifier {
    const vocabulary = [...new Set(examples.flatMap((example) => example.features))].sort();
    const index = new Map(vocabulary.map((feature, i) => [feature, i]));
    const encoded = examples.map((example) => ({ ...example, ids: example.features.map((feature) => index.get(feature) ?? -1).filter((i) => i >= 0) }));
    const classifiers: ClassifierWeights['classifiers'] = [];
    for (const tagId of tagIds) {
      const relevant = encoded.filter((example) => !example.known || example.known.has(tagId));
      if (relevant.filter((example) => example.tags.has(tagId)).length < MIN_POSITIVES) continue;
      const { bias, weights } = fit(relevant, tagId, vocabulary.length);
      classifiers.push({ tagId, bias, weights: [...weights.entries()].filter(([, w]) => Math.abs(w) > 1e-4).map(([i, w]) => [i, round(w)]) });
    }
    return TagClassifier.fromWeights({ vocabulary, classifiers });
  }

  get weights(): ClassifierWeights {
    return this.model;
  }

  get tagIds(): string[] {
    return this.dense.map((classifier) => classifier.tagId);
  }

  /** Probability per tag the model knows, and the feature that pushed it most. */
  predict(features: readonly string[]): Map<string, { probability: number; strongestFeature?: string }> {
    const ids = features.map((feature) => this.index.get(feature) ?? -1).filter((i) => i >= 0);
    const scale = 1 / Math.sqrt(Math.max(1, ids.length));
    const result = new Map<string, { probability: number; strongestFeature?: string }>();
    for (const classifier of this.dense) {
      let sum = classifier.bias;
      let strongest = -1;
      for (const i of ids) {
        const w = classifier.weights[i];
        sum += w * scale;
        if (strongest < 0 || w > classifier.weights[strongest]) strongest = i;
      }
      result.set(classifier.tagId, { probability: sigmoid(sum), strongestFeature: strongest >= 0 ? this.model.vocabulary[strongest] : undefined });
    }
    return result;
  }
}

function fit(examples: readonly { ids: number[]; tags: ReadonlySet<string> }[], tagId: string, size: number): { bias: number; weights: Float64Array } {
  const weights = new Float64Array(size);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = LEARNING_RATE / (1 + epoch * 0.1);
    for (const example of examples) {
      const scale = 1 / Math.sqrt(Math.max(1, example.ids.length));
      let sum = bias;
      for (const i of example.ids) sum += weights[i] * scale;
      const positive = example.tags.has(tagId);
      const gradient = (positive ? 1 : 0) - sigmoid(sum);
      const step = rate * gradient * (positive ? POSITIVE_WEIGHT : 1);
      bias += step;
      for (const i of example.ids) weights[i] += step * scale - rate * L2 * weights[i];
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
