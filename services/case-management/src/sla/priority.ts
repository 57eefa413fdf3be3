import { CasePriority } from '@nps/contracts';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const TIER_BOOST: Record<string, number> = { gold: 1, platinum: 2 };

/**
 * Priority of a new case: from the score (0–2 high, 3–4 normal, 5–6 low), raised one step for gold and two for
 * platinum; a rule's priority wins.
 */
export function priorityFor(score: number, tier: string, rulePriority: Priority | null): Priority {
  if (rulePriority) return rulePriority;
  const base = score <= 2 ? RANK.high : score <= 4 ? RANK.normal : RANK.low;
  const rank = Math.min(RANK.urgent, base + (TIER_BOOST[tier.toLowerCase()] ?? 0));
  return PRIORITIES[rank];
}

export function toContractPriority(priority: Priority): CasePriority {
  return { low: CasePriority.LOW, normal: CasePriority.NORMAL, high: CasePriority.HIGH, urgent: CasePriority.URGENT }[
    priority
  ];
}
