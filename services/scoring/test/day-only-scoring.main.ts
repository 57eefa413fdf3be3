// The scoring service with its NPS reader held to the day rollups: the baseline that
// tests/load/nps.bench.ts times the week and month rollups against, in the same run
// (docs/adr/0041-week-and-month-rollups.md). Only for that comparison; not a way to run scoring.
import '../src/instrument';
import { RollupReader } from '../src/rollups/rollup.reader';

const counts = RollupReader.prototype.counts;
RollupReader.prototype.counts = function (this: RollupReader, filter, groupBy, interval) {
  return counts.call(this, filter, groupBy, interval, 'days');
};

void import('../src/main');
