import type { RoutingRule } from './routing-rule';
import { placementBound } from './rule-placement';

const rule = (id: string, teamId: string, position: number, enabled = true): RoutingRule => ({
  id,
  teamId,
  position,
  conditions: {},
  priority: null,
  enabled,
});

describe('placementBound', () => {
  const rules = [rule('care-vip', 'care', 1), rule('billing-late', 'billing', 5), rule('legal', 'legal', 9, false)];

  it("puts a lead's rule after the last rule of every other team, disabled ones included", () => {
    expect(placementBound(rules, ['care'])).toEqual({
      minimumPosition: 10,
      after: { id: 'legal', teamId: 'legal', position: 9 },
    });
  });

  it("ignores the lead's own teams' rules and the rule being edited", () => {
    expect(placementBound(rules, ['care', 'legal'])).toMatchObject({ minimumPosition: 6 });
    expect(placementBound(rules, ['care'], 'legal')).toMatchObject({ minimumPosition: 6 });
  });

  it('leaves every position open when no other team has a rule', () => {
    expect(placementBound([rule('care-vip', 'care', 1)], ['care'])).toEqual({ minimumPosition: 0 });
    expect(placementBound([], [])).toEqual({ minimumPosition: 0 });
  });
});
