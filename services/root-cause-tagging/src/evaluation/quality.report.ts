import type { Evaluation, Scores } from './tagging.evaluator';

const pct = (value: number) => value.toFixed(3);

/** docs/tagging-quality.md: the figures of the test split, and how they were made. */
export function qualityReport(test: Evaluation, dev: Evaluation, context: { taxonomyVersion: string; modelVersion: string; trainComments: number }): string {
  const languages = Object.entries(test.perLanguage).sort(([a], [b]) => a.localeCompare(b));
  const tags = Object.entries(test.perTag).sort(([a], [b]) => a.localeCompare(b));
  return [
    '# Root-cause tagging quality',
    '',
    'Written by `npm run tagging:evaluate` (services/root-cause-tagging/src/evaluation/evaluate.cli.ts); do not edit by hand.',
    `Dataset: \`services/root-cause-tagging/data/comments.jsonl\`. The model is trained on the train split (${context.trainComments} comments) only;`,
    'the dev split guards tuning and model promotion; the test split is only measured, here and in the unit test',
    '`services/root-cause-tagging/src/evaluation/tagging-quality.spec.ts` (fails below micro-F1 0.85).',
    `Taxonomy ${context.taxonomyVersion}, model ${context.modelVersion}. A tag counts as right when its id **and** its polarity are right.`,
    '',
    '## Test split',
    '',
    '| | comments | precision | recall | micro-F1 |',
    '|---|---|---|---|---|',
    row('**all (tag + polarity)**', test.comments, test.tagsWithPolarity),
    row('all (tag id only)', test.comments, test.tags),
    ...languages.map(([language, scores]) => row(language, undefined, scores)),
    '',
    `Language identification: ${pct(test.languageAccuracy)} of test comments right.`,
    '',
    '### Per tag (test split, tag + polarity)',
    '',
    '| tag | precision | recall | F1 | TP | FP | FN |',
    '|---|---|---|---|---|---|---|',
    ...tags.map(([tag, s]) => `| ${tag} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} |`),
    '',
    '## Dev split (for comparison)',
    '',
    `${dev.comments} comments: micro-F1 ${pct(dev.tagsWithPolarity.f1)} (tag + polarity), ${pct(dev.tags.f1)} (tag id only).`,
    '',
  ].join('\n');
}

function row(name: string, comments: number | undefined, s: Scores): string {
  return `| ${name} | ${comments ?? ''} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
}
