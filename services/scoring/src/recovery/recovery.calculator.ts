import { round1 } from '../nps/nps.calculator';
import { studentTCdf, studentTQuantile } from './student-t';

export type FollowUpGroupName = 'followed-up' | 'holdout';

/** One measured recovery: the detractor's first score and the re-survey score. */
export interface RecoveryObservation {
  group: FollowUpGroupName;
  firstScore: number;
  recoveryScore: number;
}

export interface GroupRecovery {
  n: number;
  meanFirstScore: number;
  meanRecoveryScore: number;
  /** Mean of (re-survey score − first score). */
  meanChange: number;
  /** Sample standard deviation of the change (n − 1); null below 2 measurements. */
  sd: number | null;
  /** Share of re-survey scores of 9–10, in percent. */
  promoterPct: number;
}

export interface RecoveryUplift {
  /** Mean change of the followed-up group minus that of the holdout, in score points. */
  uplift: number;
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  interval95: [number, number];
  pValue: number;
  significant95: boolean;
  sentence: string;
}

export interface Recovery {
  followedUp: GroupRecovery | null;
  holdout: GroupRecovery | null;
  /** Null until both groups have at least 2 measurements. */
  uplift: RecoveryUplift | null;
}

/**
 * Whether following up detractors recovers them: per group the mean score change, and the uplift of
 * followed-up over holdout with Welch's t test (unequal variances, docs/nps-statistics.md). Pure.
 */
export class RecoveryCalculator {
  recovery(observations: readonly RecoveryObservation[]): Recovery {
    const followedUp = groupOf(observations.filter((o) => o.group === 'followed-up'));
    const holdout = groupOf(observations.filter((o) => o.group === 'holdout'));
    return { followedUp, holdout, uplift: followedUp && holdout ? welch(followedUp, holdout) : null };
  }
}

function groupOf(observations: readonly RecoveryObservation[]): GroupRecovery | null {
  const n = observations.length;
  if (n === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const changes = observations.map((o) => o.recoveryScore - o.firstScore);
  const meanChange = mean(changes);
  const sd = n < 2 ? null : Math.sqrt(changes.reduce((sum, c) => sum + (c - meanChange) ** 2, 0) / (n - 1));
  return {
    n,
    meanFirstScore: mean(observations.map((o) => o.firstScore)),
    meanRecoveryScore: mean(observations.map((o) => o.recoveryScore)),
    meanChange,
    sd,
    promoterPct: (100 * observations.filter((o) => o.recoveryScore >= 9).length) / n,
  };
}

function welch(followedUp: GroupRecovery, holdout: GroupRecovery): RecoveryUplift | null {
  if (followedUp.sd === null || holdout.sd === null) return null;
  const uplift = followedUp.meanChange - holdout.meanChange;
  const va = followedUp.sd ** 2 / followedUp.n;
  const vb = holdout.sd ** 2 / holdout.n;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) {
    // Every change equal within each group: the difference is exact.
    const pValue = uplift === 0 ? 1 : 0;
    return finish(uplift, 0, Infinity, uplift === 0 ? 0 : Math.sign(uplift) * Infinity, [uplift, uplift], pValue);
  }
  const df = (va + vb) ** 2 / (va ** 2 / (followedUp.n - 1) + vb ** 2 / (holdout.n - 1));
  const t = uplift / standardError;
  const half = studentTQuantile(0.975, df) * standardError;
  const pValue = Math.min(1, 2 * (1 - studentTCdf(Math.abs(t), df)));
  return finish(uplift, standardError, df, t, [uplift - half, uplift + half], pValue);
}

function finish(
  uplift: number,
  standardError: number,
  df: number,
  t: number,
  interval95: [number, number],
  pValue: number,
): RecoveryUplift {
  const significant95 = pValue < 0.05;
  const direction =
    uplift > 0 ? `up ${round1(uplift)} points` : uplift < 0 ? `down ${round1(-uplift)} points` : 'unchanged';
  const verdict = significant95 ? 'significant at 95%' : 'not significant at 95%';
  return {
    uplift,
    standardError,
    df,
    t,
    interval95,
    pValue,
    significant95,
    sentence: `followed up vs holdout: ${direction}, ${verdict} (p = ${pValue.toFixed(3)})`,
  };
}
