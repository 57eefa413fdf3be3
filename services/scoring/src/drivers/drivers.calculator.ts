import { compareProportions, type NpsCounts, summarize } from '../nps/nps.calculator';

export interface Driver {
  tag: string;
  /** Responses carrying the tag. */
  n: number;
  /** Share of all detractors / passives / promoters that carry the tag, in %. */
  detractorShare: number;
  passiveShare: number;
  promoterShare: number;
  /** NPS of the responses carrying the tag. */
  nps: number;
  /**
   * NPS without the responses carrying the tag minus the NPS of all responses, in points:
   * positive when the tag drags NPS down (docs/nps-statistics.md, Drivers). Null when every
   * response carries the tag (there is no NPS without them).
   */
  impact: number | null;
  /** Its share of the detractors in the previous period of the same length, in %; null without one. */
  previousDetractorShare: number | null;
  /** detractorShare minus previousDetractorShare, in points; null without a previous period with detractors. */
  detractorShareChange: number | null;
  /** Two-sided p of that change (two-proportion z test); null likewise. */
  detractorShareChangePValue: number | null;
  /** The share among detractors rose, significantly at 95%: a root cause to act on (docs/nps-statistics.md). */
  rising: boolean;
}

/** The answers of the previous period of the same length, to see which root causes rise. */
export interface PreviousPeriodCounts {
  all: NpsCounts;
  perTag: ReadonlyArray<{ tag: string } & NpsCounts>;
}

/**
 * Per tag, its share among each category and its NPS impact, and, given the previous period, how its
 * share among detractors changed and whether it is rising; sorted by impact, largest first.
 */
export function drivers(
  all: NpsCounts,
  perTag: ReadonlyArray<{ tag: string } & NpsCounts>,
  previous?: PreviousPeriodCounts,
): Driver[] {
  const overall = summarize(all);
  if (!overall) return [];
  const share = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
  return perTag
    .map(({ tag, ...tagged }) => {
      const withTag = summarize(tagged);
      const without = summarize({
        promoters: all.promoters - tagged.promoters,
        passives: all.passives - tagged.passives,
        detractors: all.detractors - tagged.detractors,
      });
      return {
        tag,
        n: withTag?.n ?? 0,
        detractorShare: share(tagged.detractors, all.detractors),
        passiveShare: share(tagged.passives, all.passives),
        promoterShare: share(tagged.promoters, all.promoters),
        nps: withTag?.nps ?? 0,
        impact: without ? without.nps - overall.nps : null,
        ...trend(tag, tagged.detractors, all.detractors, previous),
      };
    })
    .sort((a, b) => (b.impact ?? -Infinity) - (a.impact ?? -Infinity) || a.tag.localeCompare(b.tag));
}

function trend(
  tag: string,
  detractorsWithTag: number,
  detractors: number,
  previous: PreviousPeriodCounts | undefined,
): Pick<Driver, 'previousDetractorShare' | 'detractorShareChange' | 'detractorShareChangePValue' | 'rising'> {
  const before = previous?.perTag.find((row) => row.tag === tag)?.detractors ?? 0;
  const test = previous ? compareProportions(before, previous.all.detractors, detractorsWithTag, detractors) : null;
  if (!previous || !test)
    return {
      previousDetractorShare: null,
      detractorShareChange: null,
      detractorShareChangePValue: null,
      rising: false,
    };
  return {
    previousDetractorShare: (100 * before) / previous.all.detractors,
    detractorShareChange: test.change,
    detractorShareChangePValue: test.pValue,
    rising: test.significant95 && test.change > 0,
  };
}
