// `npm run tagging:evaluate`: micro-F1 of the shipped tagger on the blind set and the independent
// development set (tag ids and tag + polarity, per language, per tag) and the learning curve,
// printed and written to docs/tagging-quality.md. The blind set gives aggregates only.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { modelVersionLabel } from '../model/model.labels';
import { taxonomyVersionLabel } from '../taxonomy/taxonomy.types';
import { crossValidate, crossValidateByAnnotator } from './cross-validation';
import { labelledDataCurve } from './labelled-data.curve';
import { learningCurve } from './learning.curve';
import { qualityReport } from './quality.report';
import {
  devCheckSet,
  measureHoldout,
  measureOwnTestSplit,
  measureSet,
  shippedTagger,
} from './shipped-model.evaluation';
import { independentSet } from './training.corpus';

const shipped = shippedTagger();
const report = qualityReport({
  blind: measureHoldout(shipped.tagger),
  devCheck: measureSet(shipped.tagger, devCheckSet()),
  crossValidated: crossValidate(),
  byAnnotator: crossValidateByAnnotator(),
  independent: measureSet(shipped.tagger, independentSet()),
  ownTest: measureOwnTestSplit(shipped.tagger),
  curve: learningCurve(shipped.tags),
  dataCurve: labelledDataCurve(shipped.tags),
  context: {
    taxonomyVersion: taxonomyVersionLabel(1),
    modelVersion: modelVersionLabel(1),
    trainComments: shipped.trainComments,
    calibrationComments: shipped.calibrationComments,
  },
});
const target = resolve(__dirname, '../../../../docs/tagging-quality.md');
writeFileSync(target, report);
process.stdout.write(`${report}\nwritten to ${target}\n`);
