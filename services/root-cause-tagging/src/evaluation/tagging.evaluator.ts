import type { TaggingResult } from '../tagging/tagging.result';
import type { LabelledComment } from './labelled.dataset';

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  comments: number;
  /** Tag ids right, polarity not looked at. */
  tags: Scores;
  /** Tag id and polarity both right: the figure we hold ourselves to. */
  tagsWithPolarity: Scores;
  languageAccuracy: number;
  perLanguage: Record<string, Scores>;
  perTag: Record<string, Scores>;
  mistakes: { id: string; text: string; expected: string[]; found: string[] }[];
}

const empty = (): Counts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

/** Micro-averaged precision, recall and F1 of tagged comments against their labels. */
export function evaluate(
  labelled: readonly LabelledComment[],
  tag: (comment: LabelledComment) => TaggingResult,
): Evaluation {
  const tags = empty();
  const strict = empty();
  const perLanguage: Record<string, Counts> = {};
  const perTag: Record<string, Counts> = {};
  const mistakes: Evaluation['mistakes'] = [];
  let languageRight = 0;
  for (const comment of labelled) {
    const result = tag(comment);
    if (result.language === comment.language) languageRight++;
    const expected = expectedLabels(comment);
    const found = foundLabels(result);
    const expectedIds = new Set(comment.tags.map((t) => t.id));
    const foundIds = new Set(result.tags.map((t) => t.tagId));
    count(tags, expectedIds, foundIds);
    count(strict, expected, found);
    count((perLanguage[comment.language] ??= empty()), expected, found);
    for (const id of new Set([...expectedIds, ...foundIds])) {
      count(
        (perTag[id] ??= empty()),
        new Set([...expected].filter((e) => e.startsWith(`${id}:`))),
        new Set([...found].filter((f) => f.startsWith(`${id}:`))),
      );
    }
    if ([...expected].some((e) => !found.has(e)) || [...found].some((f) => !expected.has(f)))
      mistakes.push({ id: comment.id, text: comment.text, expected: [...expected], found: [...found] });
  }
  return {
    comments: labelled.length,
    tags: scores(tags),
    tagsWithPolarity: scores(strict),
    languageAccuracy: labelled.length === 0 ? 0 : languageRight / labelled.length,
    perLanguage: mapValues(perLanguage, scores),
    perTag: mapValues(perTag, scores),
    mistakes,
  };
}

/** A labelled comment's labels as they are compared: `tagId:polarity`. */
export function expectedLabels(comment: LabelledComment): Set<string> {
  return new Set(comment.tags.map((t) => `${t.id}:${t.polarity}`));
}

/** The labels a tagger found, as compared with expectedLabels. */
export function foundLabels(result: TaggingResult): Set<string> {
  return new Set(result.tags.map((t) => `${t.tagId}:${t.polarity}`));
}

/** One comment's hits, false positives and misses. */
export function countsOf(expected: ReadonlySet<string>, found: ReadonlySet<string>): Counts {
  const counts = empty();
  count(counts, expected, found);
  return counts;
}

/** Counts added up, e.g. over comments or folds. */
export function added(parts: readonly Counts[]): Counts {
  return parts.reduce(
    (sum, part) => ({
      truePositives: sum.truePositives + part.truePositives,
      falsePositives: sum.falsePositives + part.falsePositives,
      falseNegatives: sum.falseNegatives + part.falseNegatives,
    }),
    empty(),
  );
}

function count(counts: Counts, expected: ReadonlySet<string>, found: ReadonlySet<string>): void {
  for (const item of found)
    if (expected.has(item)) counts.truePositives++;
    else counts.falsePositives++;
  for (const item of expected) if (!found.has(item)) counts.falseNegatives++;
}

export function scores(counts: Counts): Scores {
  const precision =
    counts.truePositives + counts.falsePositives === 0
      ? 1
      : counts.truePositives / (counts.truePositives + counts.falsePositives);
  const recall =
    counts.truePositives + counts.falseNegatives === 0
      ? 1
      : counts.truePositives / (counts.truePositives + counts.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
