import type { PathResult } from './bench.report';
import { ServicesCpuMeter } from './cpu.meter';
import { type Answer, mixOf } from './e2e.answers';
import type { LoopDone, LoopProbe } from './e2e.loop';

export interface ThroughputPhase {
  /** The table row: answers over the seconds until the whole loop caught up. */
  result: PathResult;
  done: LoopDone;
  /** How long sending took (the import's report, or the last API answer). */
  sendSeconds: number;
}

/**
 * Times `answers` through the whole loop: the clock starts with `send` and stops when every
 * answer is scored, every comment tagged and every detractor has its case. Each service's CPU
 * share over the phase goes into the notes.
 */
export async function throughputPhase(options: {
  path: string;
  answers: Answer[];
  send: () => Promise<unknown>;
  probe: LoopProbe;
  pids: Record<string, number | undefined>;
  stallMs: number;
  context: () => string;
}): Promise<ThroughputPhase> {
  const mix = mixOf(options.answers);
  const before = await options.probe.counts();
  const cpu = new ServicesCpuMeter(options.pids);
  const start = performance.now();
  let sendSeconds = 0;
  const [, done] = await Promise.all([
    options.send().then(
      () => (sendSeconds = (performance.now() - start) / 1000),
      (error: Error) => {
        error.message += `\n${options.context()}`;
        throw error;
      },
    ),
    options.probe.waitFor(before, mix, start, {
      stallMs: options.stallMs,
      label: options.path,
      context: options.context,
    }),
  ]);
  const cpuNotes = cpu.notes();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    result: {
      path: options.path,
      events: mix.answers,
      seconds: done.allMs / 1000,
      notes: [
        `${mix.detractors} detractors, ${mix.commented} commented`,
        `sent in ${sendSeconds.toFixed(1)} s`,
        `all scored after ${seconds(done.scoredMs)}, tagged after ${seconds(done.taggedMs)}, cases after ${seconds(done.casesMs)}`,
        ...cpuNotes,
      ],
    },
    done,
    sendSeconds,
  };
}
