import type { LabelledComment } from '../evaluation/labelled.dataset';
import type { CommentTagger } from '../tagging/comment.tagger';
import { POSITIVE } from '../tagging/polarity.reader';
import { TagClassifier, type TrainingExample } from './tag.classifier';

/**
 * Fewer found tags of either polarity than this say too little to overrule the rules: trained on the
 * project's own 112 comments (46 praised and 80 blamed found tags) the model read polarity worse than they do.
 */
const MIN_EXAMPLES_PER_POLARITY = 200;

/**
 * The polarity model (ADR 0063): every tag that `tagger` (rules and tag model, no polarity model) finds
 * in a labelled comment and that its labels have too is one example, positive when they call it praise.
 * Undefined when the comments hold too few of either polarity.
 */
export function trainPolarity(tagger: CommentTagger, labelled: readonly LabelledComment[]): TagClassifier | undefined {
  const examples: TrainingExample[] = [];
  // One string per feature name, not one per occurrence: the examples stay alive until the model is fitted.
  const names = new Map<string, string>();
  const canonical = (name: string) => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  for (const comment of [...labelled].sort((a, b) => a.id.localeCompare(b.id))) {
    const labels = new Map(comment.tags.map((tag) => [tag.id, tag.polarity]));
    const readings = tagger.polarityReadings({
      text: comment.text,
      score: comment.score,
      languageHint: comment.language,
    });
    for (const { found, features } of readings) {
      const polarity = labels.get(found.tagId);
      if (polarity)
        examples.push({ features: features.map(canonical), tags: new Set(polarity === 'positive' ? [POSITIVE] : []) });
    }
  }
  const praised = examples.filter((example) => example.tags.size > 0).length;
  if (Math.min(praised, examples.length - praised) < MIN_EXAMPLES_PER_POLARITY) return undefined;
  // Praise and blame are about equally often: a positive example counts once, not three times as a tag's.
  return TagClassifier.train(examples, [POSITIVE], 1);
}
