import { CasePriority } from '@nps/contracts';
import { priorityFor, toContractPriority } from './priority';

describe('priorityFor', () => {
  it.each([
    [0, 'standard', null, 'high'],
    [2, 'standard', null, 'high'],
    [3, 'standard', null, 'normal'],
    [4, '', null, 'normal'],
    [5, 'standard', null, 'low'],
    [6, 'gold', null, 'normal'],
    [3, 'gold', null, 'high'],
    [2, 'gold', null, 'urgent'],
    [5, 'Platinum', null, 'high'],
    [0, 'platinum', null, 'urgent'],
    [6, 'standard', 'urgent', 'urgent'],
    [0, 'platinum', 'low', 'low'],
  ] as const)('score %i, tier "%s", rule %s → %s', (score, tier, rule, expected) => {
    expect(priorityFor(score, tier, rule)).toBe(expected);
  });

  it('maps to the contract enum', () => {
    expect(toContractPriority('urgent')).toBe(CasePriority.URGENT);
    expect(toContractPriority('low')).toBe(CasePriority.LOW);
  });
});
