import { AnswerGenerator } from './e2e.answers';
import { postAnswers } from './e2e.send';
import { CpuMeter } from './cpu.meter';
import { round } from './bench.report';

const WARM_UP = 300;

export interface ApiPhaseOptions {
  url: string;
  token: string;
  answers: number;
  concurrency: number;
  /** Answers per request; above 1, through `POST /responses/batch`. */
  batch: number;
  /** The service's process, whose CPU time per answer is measured. */
  pid: number | undefined;
  retryForMs: number;
}

export interface ApiPhaseResult {
  answers: number;
  concurrency: number;
  batch: number;
  seconds: number;
  answersPerSecond: number;
  /** Milliseconds of the service's CPU per answer: less noisy than the rate on a shared machine. */
  serviceCpuMsPerAnswer: number | undefined;
  retriedAfter503: number;
  /** Requests sent before the measured ones, so start-up and JIT are not timed. */
  warmUp: number;
}

/**
 * `POST /responses` (or `POST /responses/batch`, `batch` answers per request), one Idempotency-Key
 * per answer (no survey link: customer id only), `concurrency` requests in flight. Every answer has
 * to be accepted with 201.
 */
export async function apiPhase(o: ApiPhaseOptions): Promise<ApiPhaseResult> {
  const generator = new AnswerGenerator(7);
  const now = Date.now();
  const answers = generator.answers(
    WARM_UP + o.answers,
    (i) => `api-c-${i % 1000}`,
    () => generator.recent(now, 30),
  );
  const send = { concurrency: o.concurrency, retryForMs: o.retryForMs, batch: o.batch };
  await postAnswers(o.url, o.token, answers.slice(0, WARM_UP), { ...send, keyPrefix: `bench-warm-up-${o.batch}` });
  const cpu = new CpuMeter(o.pid);
  const started = performance.now();
  const { retried } = await postAnswers(o.url, o.token, answers.slice(WARM_UP), {
    ...send,
    keyPrefix: `bench-api-answer-${o.batch}`,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpu.processSeconds();
  return {
    answers: o.answers,
    concurrency: o.concurrency,
    batch: o.batch,
    seconds: round(seconds, 2),
    answersPerSecond: Math.round(o.answers / seconds),
    serviceCpuMsPerAnswer: cpuSeconds === undefined ? undefined : round((cpuSeconds * 1000) / o.answers, 2),
    retriedAfter503: retried,
    warmUp: WARM_UP,
  };
}
