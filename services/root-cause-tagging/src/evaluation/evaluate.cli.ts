// `npm run tagging:evaluate`: per-language and per-tag precision/recall of the shipped tagger on
// the test split, printed and written to docs/tagging-quality.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { modelVersionLabel } from '../model/model.labels';
import { taxonomyVersionLabel } from '../taxonomy/taxonomy.types';
import { qualityReport } from './quality.report';
import { evaluateShippedTagger } from './shipped-model.evaluation';

const { dev, test, trainComments } = evaluateShippedTagger();
const report = qualityReport(test, dev, { taxonomyVersion: taxonomyVersionLabel(1), modelVersion: modelVersionLabel(1), trainComments });
const target = resolve(__dirname, '../../../../docs/tagging-quality.md');
writeFileSync(target, report);
process.stdout.write(`${report}\nwritten to ${target}\n`);
