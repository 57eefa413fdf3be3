import { NpsCategory } from '../generated/nps/v1/scoring_pb';

/**
 * The name of each NPS category in every API, database column and document, and the one place the 0–6 / 7–8 / 9–10
 * bands are written (scoring classifies with it, root-cause-tagging reads a comment's polarity with it).
 */
const CATEGORIES = {
  promoter: NpsCategory.PROMOTER,
  passive: NpsCategory.PASSIVE,
  detractor: NpsCategory.DETRACTOR,
} as const satisfies Record<string, Exclude<NpsCategory, NpsCategory.UNSPECIFIED>>;

export type NpsCategoryName = keyof typeof CATEGORIES;

/** A whole number from 0 to 10: anything else in an event breaks its contract. */
export function isNpsScore(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= 10;
}

/** Promoter 9–10, passive 7–8, detractor 0–6; a RangeError for anything but a whole number from 0 to 10. */
export function categoryOf(score: number): NpsCategoryName {
  if (!isNpsScore(score)) throw new RangeError(`an NPS score is a whole number from 0 to 10, not ${score}`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** The contract's enum value for a category name. */
export function npsCategory(name: NpsCategoryName): NpsCategory {
  return CATEGORIES[name];
}
