import {
  compareProportions,
  type NpsComparison,
  type NpsSummary,
  type ProportionComparison,
} from '../nps/nps.calculator';
import type { ImprovementActionScope } from './improvement-action.repository';
import type { EffectWindow } from './improvement-effect.windows';

/** One side of the comparison: the scope's NPS and the root cause's share of its detractors. */
export interface EffectSide extends EffectWindow {
  /** Null when the window holds no answers of the scope. */
  nps: NpsSummary | null;
  rootCause: {
    /** Detractors of the scope tagged with the root cause. */
    detractors: number;
    /** Their share of the scope's detractors, in %; null without detractors. */
    detractorShare: number | null;
  };
}

export interface ImprovementEffect {
  improvementAction: ImprovementActionScope;
  timeZone: string;
  windowDays: number;
  releaseDay: string;
  before: EffectSide;
  after: EffectSide;
  change: {
    /** /nps/compare's test of the two windows; null when a side has no answers. */
    nps: NpsComparison | null;
    /** Two-proportion z test of the root cause's share of detractors; null when a side has none. */
    rootCauseDetractorShare: ProportionComparison | null;
  };
  /** The comparison in words, with its significance. */
  sentence: string;
}

export interface EffectInput {
  action: ImprovementActionScope & { rootCauseTagId: string };
  timeZone: string;
  windowDays: number;
  releaseDay: string;
  before: EffectWindow & { nps: NpsSummary | null; taggedDetractors: number };
  after: EffectWindow & { nps: NpsSummary | null; taggedDetractors: number };
  /** The comparison /nps/compare made of the two windows. */
  change: NpsComparison | null;
}

/** Puts the measured windows into the effect an analyst reads: figures, tests and one sentence. */
export function effectReport(input: EffectInput): ImprovementEffect {
  const side = ({ taggedDetractors, nps, ...window }: EffectInput['before']): EffectSide => ({
    ...window,
    nps,
    rootCause: {
      detractors: taggedDetractors,
      detractorShare: nps && nps.detractors > 0 ? (100 * taggedDetractors) / nps.detractors : null,
    },
  });
  const before = side(input.before);
  const after = side(input.after);
  const share = compareProportions(
    input.before.taggedDetractors,
    input.before.nps?.detractors ?? 0,
    input.after.taggedDetractors,
    input.after.nps?.detractors ?? 0,
  );
  return {
    improvementAction: input.action,
    timeZone: input.timeZone,
    windowDays: input.windowDays,
    releaseDay: input.releaseDay,
    before,
    after,
    change: { nps: input.change, rootCauseDetractorShare: share },
    sentence: sentenceOf(input, before, after, share),
  };
}

function sentenceOf(
  input: EffectInput,
  before: EffectSide,
  after: EffectSide,
  share: ProportionComparison | null,
): string {
  const scope = scopeOf(input.action);
  if (after.days === 0)
    return `Released on ${input.releaseDay}: the after-window starts the next day, so there is nothing to compare yet.`;
  if (!before.nps || !after.nps || !input.change) {
    const empty = !before.nps && !after.nps ? 'either window' : !before.nps ? 'the window before' : 'the window after';
    return `No answers of ${scope} in ${empty} the release: nothing to compare.`;
  }
  const figures = (side: EffectSide, nps: NpsSummary) =>
    `${round1(nps.nps)} (n = ${nps.n}, ±${round1(nps.marginOfError95)}) ${side === before ? 'before' : 'after'}`;
  let sentence =
    `NPS of ${scope}: ${figures(before, before.nps)} → ${figures(after, after.nps)} the release: ` +
    `${input.change.sentence}.`;
  if (share && before.rootCause.detractorShare !== null && after.rootCause.detractorShare !== null) {
    const verdict = share.significant95 ? 'significant at 95%' : 'not significant at 95%';
    sentence +=
      ` Detractors citing ${input.action.rootCauseTagId}: ${round1(before.rootCause.detractorShare)}% → ` +
      `${round1(after.rootCause.detractorShare)}% (${verdict}, p = ${share.pValue.toFixed(3)}).`;
  }
  if (after.days < input.windowDays)
    sentence += ` The after-window has ${after.days} of ${input.windowDays} days so far.`;
  return sentence;
}

function scopeOf(action: ImprovementActionScope): string {
  const touchpoint = action.touchpointType ? `${action.touchpointType} answers` : 'all answers';
  return action.segment ? `${touchpoint} of segment ${action.segment}` : touchpoint;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
