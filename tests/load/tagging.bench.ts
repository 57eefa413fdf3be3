// Root-cause tagging throughput on one core: how many comments per second the tagger (language
// detection, stemming, lexicon with negation/compounds/typos, sentiment, learned model) handles
// in one thread. The measuring lives with the service
// (services/root-cause-tagging/src/throughput/tagging.throughput.ts) and runs here in a process
// of its own, so nothing else shares its thread. Figures and how to read them: docs/benchmarks.md.
//
//   npm run bench:tagging
//
// Settings: BENCH_COMMENTS (default 20000), BENCH_ROUNDS (default 3).
import { benchInChild } from './bench.child';

benchInChild('tagging', 'services/root-cause-tagging/src/throughput/tagging.throughput.ts');
