/** Root-cause tag ids of the taxonomy (the same ids root-cause-tagging emits); a resolution confirms one of them. */
export const ROOT_CAUSES = [
  'price',
  'product-quality',
  'delivery',
  'support',
  'wait-time',
  'billing',
  'returns-refunds',
  'usability',
  'staff-attitude',
  'communication',
  'availability',
] as const;

/** True for a taxonomy id or a more specific id under it (`delivery.late`). */
export function isRootCause(tagId: string): boolean {
  return ROOT_CAUSES.some((root) => tagId === root || tagId.startsWith(`${root}.`));
}
