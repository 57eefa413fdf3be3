import type { Client } from 'pg';
import { percentile, round } from './bench.report';
import { type Answer, type AnswerGenerator, isDetractor, mixOf } from './e2e.answers';
import { type HopLatencies, hopLatencies, type PublishTimes } from './e2e.hops';
import type { LoopDone, LoopProbe } from './e2e.loop';
import { importAnswers } from './e2e.send';

const TICK_MS = 100;
/** Imports still running before a tick waits for the oldest: past this the sender falls behind, and says so. */
const MAX_IN_FLIGHT = 10;

export interface LatencyPhase {
  /** The rate asked for. */
  rate: number;
  /** The rate the ticks achieved (answers sent / seconds sending). */
  sentPerSecond: number;
  seconds: number;
  answers: number;
  detractors: number;
  commented: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** From the first send until the loop had caught up with every answer of the phase. */
  loopDoneSeconds: number;
  hops: HopLatencies;
}

export interface LatencyTarget {
  url: string;
  token: string;
  db: Client;
  casesSchema: string;
  probe: LoopProbe;
  publishTimes: PublishTimes;
  generator: AnswerGenerator;
  stallMs: number;
  context: () => string;
}

/**
 * `rate` answers/s for `seconds`, one small CSV import (with follow-up) every 100 ms, each answer
 * of its own customer; the latency of a detractor is its case's `opened_at` minus the time its
 * import was sent. `phase` keeps the customers and import ids of repeated rates apart.
 */
export async function steadyLatency(
  t: LatencyTarget,
  phase: number,
  rate: number,
  seconds: number,
): Promise<LatencyPhase> {
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const prefix = `lat${phase}r${rate}`;
  const sentAt = new Map<string, number>();
  const all: Answer[] = [];
  const inFlight: Promise<void>[] = [];
  const before = await t.probe.counts();
  await t.publishTimes.mark();
  const begin = performance.now();
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
    const answers = t.generator.answers(
      perTick,
      (i) => `${prefix}-${tick}-${i}`,
      () => new Date(Date.now() - 1000), // the import refuses answers from the future
    );
    const now = Date.now();
    for (const answer of answers) if (isDetractor(answer)) sentAt.set(answer.customerId, now);
    all.push(...answers);
    const sending = importAnswers(t.url, t.token, `e2e-${prefix}-${tick}`, answers);
    sending.catch(() => undefined); // awaited below; not an unhandled rejection while the ticks go on
    inFlight.push(sending);
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    await sleep(begin + (tick + 1) * TICK_MS - performance.now());
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - begin) / 1000;
  const mix = mixOf(all);
  const done: LoopDone = await t.probe.waitFor(before, mix, begin, {
    stallMs: t.stallMs,
    label: `steady ${rate}/s`,
    context: t.context,
  });
  const { rows } = await t.db.query<{ customer_id: string; opened_at: Date }>(
    `SELECT customer_id, opened_at FROM "${t.casesSchema}".cases WHERE customer_id LIKE $1`,
    [`${prefix}-%`],
  );
  if (sentAt.size === 0) throw new Error(`steady ${rate}/s: no detractor among ${mix.answers} answers`);
  if (rows.length !== sentAt.size)
    throw new Error(`steady ${rate}/s: ${rows.length} cases for ${sentAt.size} detractors sent`);
  const latencies = rows
    .map((row) => row.opened_at.getTime() - (sentAt.get(row.customer_id) ?? Number.NaN))
    .sort((a, b) => a - b);
  if (latencies.some(Number.isNaN)) throw new Error(`steady ${rate}/s: a case for a customer the phase never sent`);
  const published = await t.publishTimes.read((key) => sentAt.has(key));
  const opened = new Map(rows.map((row) => [row.customer_id, row.opened_at.getTime()]));
  return {
    rate,
    sentPerSecond: Math.round(mix.answers / sendSeconds),
    seconds: round(sendSeconds, 1),
    answers: mix.answers,
    detractors: mix.detractors,
    commented: mix.commented,
    latencyP50Ms: percentile(latencies, 50),
    latencyP90Ms: percentile(latencies, 90),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: latencies[latencies.length - 1],
    loopDoneSeconds: round(done.allMs / 1000, 1),
    hops: hopLatencies({ sent: sentAt, ...published, opened }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
