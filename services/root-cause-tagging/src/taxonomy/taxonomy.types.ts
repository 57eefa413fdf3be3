import type { TaggedLanguage } from '../text/language';

export type CuePolarity = 'negative' | 'positive';

/**
 * A word or phrase that points at a tag. Without polarity it names the subject ("delivery",
 * "levertijd") and the opinion around it decides; with polarity it is an opinion about the tag
 * in itself ("expensive", "unfreundlich"), which negation flips ("not expensive").
 */
export interface TaxonomyTerm {
  text: string;
  polarity?: CuePolarity;
}

export interface TaxonomyTag {
  /** Stable id, never reused (e.g. `delivery`). */
  id: string;
  name: string;
  terms: Record<TaggedLanguage, TaxonomyTerm[]>;
}

/** One version of the taxonomy: every change makes a new one, old ones stay readable. */
export interface TaxonomySnapshot {
  version: number;
  tags: TaxonomyTag[];
}

/** The version string `response tagged` carries. */
export function taxonomyVersionLabel(version: number): string {
  return `taxonomy-${version}`;
}
