import type { LabelledComment } from '../evaluation/labelled.dataset';
import { analyse } from '../sentiment/opinion.scorer';
import { commentFeatures } from './comment.features';
import { TagClassifier, type TrainingExample } from './tag.classifier';

/** A comment a case owner confirmed a root cause for: positive for that tag, silent on the others. */
export interface ConfirmedExample {
  responseId: string;
  language: LabelledComment['language'];
  text: string;
  tagId: string;
}

/** Trains the learned part of the tagger from the shipped comments and confirmed root causes. */
export function trainModel(shipped: readonly LabelledComment[], confirmed: readonly ConfirmedExample[], tagIds: readonly string[]): TagClassifier {
  const examples: TrainingExample[] = [
    ...[...shipped].sort((a, b) => a.id.localeCompare(b.id)).map((comment) => ({
      features: commentFeatures(analyse(comment.text, comment.language)),
      tags: new Set(comment.tags.map((tag) => tag.id)),
    })),
    ...[...confirmed].sort((a, b) => a.responseId.localeCompare(b.responseId)).map((example) => ({
      features: commentFeatures(analyse(example.text, example.language)),
      tags: new Set([example.tagId]),
      known: new Set([example.tagId]),
    })),
  ];
  return TagClassifier.train(examples, tagIds);
}
