import { type NpsCounts, summarize } from '../nps/nps.calculator';

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
}

/** Per tag, its share among each category and its NPS impact; sorted by impact, largest first. */
export function drivers(all: NpsCounts, perTag: ReadonlyArray<{ tag: string } & NpsCounts>): Driver[] {
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
      };
    })
    .sort((a, b) => (b.impact ?? -Infinity) - (a.impact ?? -Infinity) || a.tag.localeCompare(b.tag));
}
