/** Promoter, passive and detractor counts of a set of answers. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsSummary extends NpsCounts {
  n: number;
  promoterPct: number;
  passivePct: number;
  detractorPct: number;
  nps: number;
  /** Standard error of the NPS, in NPS points. */
  standardError: number;
  /** 1.96 · standard error. */
  marginOfError95: number;
  /** Adjusted-Wald 95% interval (Rocks 2016), clamped to [−100, 100]. */
  interval95: [number, number];
  lowSample: boolean;
}

export interface NpsComparison {
  delta: number;
  standardError: number;
  z: number;
  pValue: number;
  significant95: boolean;
  sentence: string;
}

/** Below this many answers a row is flagged `lowSample` (docs/nps-statistics.md). */
export const LOW_SAMPLE_N = 30;
const Z95 = 1.96;

/**
 * NPS with its standard error, margin of error and interval, exactly as docs/nps-statistics.md defines them; null for
 * no answers.
 */
export function summarize(counts: NpsCounts): NpsSummary | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const { nps, standardError } = npsAndError(counts.promoters, counts.detractors, n);
  const adjusted = npsAndError(counts.promoters + 0.75, counts.detractors + 0.75, n + 3);
  return {
    ...counts,
    n,
    promoterPct: (100 * counts.promoters) / n,
    passivePct: (100 * counts.passives) / n,
    detractorPct: (100 * counts.detractors) / n,
    nps,
    standardError,
    marginOfError95: Z95 * standardError,
    interval95: [
      Math.max(-100, adjusted.nps - Z95 * adjusted.standardError),
      Math.min(100, adjusted.nps + Z95 * adjusted.standardError),
    ],
    lowSample: n < LOW_SAMPLE_N,
  };
}

/** Whether NPS changed from `before` to `after`: a two-sided z test on the difference. */
export function compare(before: NpsSummary, after: NpsSummary): NpsComparison {
  const delta = after.nps - before.nps;
  const standardError = Math.sqrt(before.standardError ** 2 + after.standardError ** 2);
  const z = standardError === 0 ? (delta === 0 ? 0 : Math.sign(delta) * Infinity) : delta / standardError;
  const pValue = standardError === 0 ? (delta === 0 ? 1 : 0) : 2 * (1 - normalCdf(Math.abs(z)));
  const significant95 = pValue < 0.05;
  const direction =
    delta > 0 ? `up ${round1(delta)} points` : delta < 0 ? `down ${round1(-delta)} points` : 'unchanged';
  const verdict = significant95 ? 'significant at 95%' : 'not significant at 95%';
  return {
    delta,
    standardError,
    z,
    pValue,
    significant95,
    sentence: `${direction}, ${verdict} (p = ${pValue.toFixed(3)})`,
  };
}

export interface ProportionComparison {
  /** Second share minus first share, in percentage points. */
  change: number;
  z: number;
  pValue: number;
  significant95: boolean;
}

/**
 * Whether a share changed from `x1 / n1` to `x2 / n2`: a two-sided two-proportion z test with the
 * pooled proportion (docs/nps-statistics.md, Rising root causes); null when a side has no cases.
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionComparison | null {
  if (n1 === 0 || n2 === 0) return null;
  const change = 100 * (x2 / n2 - x1 / n1);
  const pooled = (x1 + x2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // All or none in both sides: the shares are equal and nothing can be tested.
  if (standardError === 0) return { change, z: 0, pValue: 1, significant95: false };
  const z = (x2 / n2 - x1 / n1) / standardError;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return { change, z, pValue, significant95: pValue < 0.05 };
}

function npsAndError(promoters: number, detractors: number, n: number): { nps: number; standardError: number } {
  const p = promoters / n;
  const d = detractors / n;
  // max(0, …) only absorbs floating-point noise when every answer is in one category.
  // NPS straight from the counts, as defined, so whole answers give exact figures (55, not 55.000000000000014).
  return {
    nps: (100 * (promoters - detractors)) / n,
    standardError: 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n),
  };
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** One decimal, for sentences. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
