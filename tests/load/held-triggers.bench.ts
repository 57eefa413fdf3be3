// What one poll for held touchpoints (ADR 0066) costs Postgres while many wait for their customer's import, against
// the claim as first written, in the same run. The measuring lives with the service
// (services/survey-dispatch/test/held-trigger-polls.timing.ts) and runs here in a process of its own.
//
//   npm run bench:held-triggers
//
// Settings: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nps_test), BENCH_CUSTOMERS (500000),
// BENCH_HELD (100000), BENCH_POLLS (20 per phase). Postgres only. Figures: docs/benchmarks.md.
import { benchInChild } from './bench.child';

benchInChild('held-triggers', 'services/survey-dispatch/test/held-trigger-polls.timing.ts');
