import type { Client } from 'pg';
import { progress } from './bench.report';
import type { AnswerMix } from './e2e.answers';
import type { LoopService } from './e2e.stack';

/** Polls near the end, where the time a part of the loop caught up is read to within this. */
const NEAR_END_POLL_MS = 500;
/** Polls while the end is further away than FAR_FROM_END_MS by the rate so far. */
const FAR_POLL_MS = 2000;
const FAR_FROM_END_MS = 10_000;
const PROGRESS_EVERY_MS = 10_000;

/** How far the loop got, read from each service's own tables. */
export interface LoopCounts {
  /** Answers stored by response-ingestion. */
  stored: number;
  /** Responses scoring has received (and so scored and rolled up). */
  scored: number;
  /** Comments root-cause-tagging has tagged (it keeps a row for every answer; these have text). */
  tagged: number;
  /** Cases case-management opened. */
  cases: number;
  /** Detractors the case-opening policy skipped: none is expected, and a skipped one never gets its case. */
  skipped: number;
}

/** When, in ms after the phase's first send, each part of the loop had caught up with the answers sent. */
export interface LoopDone {
  scoredMs: number;
  taggedMs: number;
  casesMs: number;
  /** The last of the three: the whole loop. */
  allMs: number;
}

/** Polls the loop's counts in Postgres (each service's schema), every 500 ms near the end (nextPollMs). */
export class LoopProbe {
  constructor(
    private readonly db: Client,
    private readonly schemas: Record<LoopService, string>,
  ) {}

  async counts(): Promise<LoopCounts> {
    const {
      'response-ingestion': ingestion,
      scoring,
      'root-cause-tagging': tagging,
      'case-management': cases,
    } = this.schemas;
    const { rows } = await this.db.query(`SELECT
      (SELECT count(*) FROM "${ingestion}".responses)::int AS stored,
      (SELECT count(*) FROM "${scoring}".responses WHERE received)::int AS scored,
      (SELECT count(*) FROM "${tagging}".tagged_comments WHERE comment <> '')::int AS tagged,
      (SELECT count(*) FROM "${cases}".cases)::int AS cases,
      (SELECT count(*) FROM "${cases}".skipped_detractors)::int AS skipped`);
    return rows[0] as LoopCounts;
  }

  /**
   * Waits until the loop holds `mix` more than `before`: every answer scored, every comment
   * tagged, every detractor's case opened. Fails when a detractor is skipped, when a count
   * overshoots (something counted twice) or when nothing moves for `stallMs`.
   */
  async waitFor(
    before: LoopCounts,
    mix: AnswerMix,
    startedAt: number,
    options: { stallMs: number; label: string; context: () => string },
  ): Promise<LoopDone> {
    const target = { scored: before.scored + mix.answers, tagged: before.tagged + mix.commented };
    const targetCases = before.cases + mix.detractors;
    const reached: Partial<Record<'scored' | 'tagged' | 'cases', number>> = {};
    let last = '';
    let movedAt = performance.now();
    let reportedAt = performance.now();
    for (;;) {
      const now = await this.counts();
      const at = performance.now() - startedAt;
      const state = { scored: now.scored, tagged: now.tagged, cases: now.cases };
      const fail = (why: string) =>
        new Error(
          `${options.label}: ${why}; counts ${JSON.stringify(now)}, before ${JSON.stringify(before)}\n${options.context()}`,
        );
      if (now.skipped > before.skipped)
        throw fail(`${now.skipped - before.skipped} detractors skipped instead of opening a case`);
      if (now.scored > target.scored || now.tagged > target.tagged || now.cases > targetCases)
        throw fail(`more than expected (scored ${target.scored}, tagged ${target.tagged}, cases ${targetCases})`);
      if (now.scored === target.scored) reached.scored ??= at;
      if (now.tagged === target.tagged) reached.tagged ??= at;
      if (now.cases === targetCases) reached.cases ??= at;
      if (reached.scored !== undefined && reached.tagged !== undefined && reached.cases !== undefined) {
        const { scored, tagged, cases } = reached;
        return { scoredMs: scored, taggedMs: tagged, casesMs: cases, allMs: Math.max(scored, tagged, cases) };
      }
      if (JSON.stringify(state) !== last) [last, movedAt] = [JSON.stringify(state), performance.now()];
      else if (performance.now() - movedAt > options.stallMs)
        throw fail(`stalled: nothing moved for ${options.stallMs} ms (BENCH_STALL_MS)`);
      if (performance.now() - reportedAt > PROGRESS_EVERY_MS) {
        reportedAt = performance.now();
        progress(
          `${options.label}: scored ${now.scored - before.scored}/${mix.answers}, tagged ${now.tagged - before.tagged}/${mix.commented}, cases ${now.cases - before.cases}/${mix.detractors}`,
        );
      }
      const done = Math.min(
        fractionDone(now.scored - before.scored, mix.answers),
        fractionDone(now.tagged - before.tagged, mix.commented),
        fractionDone(now.cases - before.cases, mix.detractors),
      );
      await new Promise((resolve) => setTimeout(resolve, nextPollMs(done, at)));
    }
  }
}

/**
 * The wait before the next count. Each poll counts every table the loop writes, about 25 ms of Postgres per table of
 * 100,000 rows, taken from the loop being measured; so polls are 2 s apart while the end is more than 10 s away at the
 * rate so far, and 500 ms apart near it.
 */
export function nextPollMs(done: number, elapsedMs: number): number {
  if (done <= 0 || done >= 1) return NEAR_END_POLL_MS;
  const remainingMs = (elapsedMs * (1 - done)) / done;
  return remainingMs > FAR_FROM_END_MS ? FAR_POLL_MS : NEAR_END_POLL_MS;
}

function fractionDone(done: number, expected: number): number {
  return expected === 0 ? 1 : done / expected;
}
