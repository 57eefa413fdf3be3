import { IMPROVEMENT_ACTION_ACTIONS, ImprovementActionLifecycle } from './improvement-action.lifecycle';
import { IMPROVEMENT_ACTION_STATUSES } from './improvement-action.record';

describe('ImprovementActionLifecycle', () => {
  it.each([
    ['open', 'link_cases', 'open'],
    ['open', 'release', 'released'],
    ['open', 'close', 'closed'],
    ['released', 'link_cases', 'released'],
    ['released', 'close', 'closed'],
  ] as const)('%s + %s → %s', (status, action, next) => {
    expect(ImprovementActionLifecycle.permits(status, action)).toBe(true);
    expect(ImprovementActionLifecycle.next(status, action)).toBe(next);
  });

  it.each([
    ['released', 'release'],
    ['closed', 'release'],
    ['closed', 'close'],
    ['closed', 'link_cases'],
  ] as const)('refuses %s + %s', (status, action) => {
    expect(ImprovementActionLifecycle.permits(status, action)).toBe(false);
    expect(() => ImprovementActionLifecycle.next(status, action)).toThrow(status);
  });

  it('names as allowed exactly what it permits, for every status', () => {
    for (const status of IMPROVEMENT_ACTION_STATUSES) {
      expect(ImprovementActionLifecycle.allowed(status)).toEqual(
        IMPROVEMENT_ACTION_ACTIONS.filter((action) => ImprovementActionLifecycle.permits(status, action)),
      );
    }
  });
});
