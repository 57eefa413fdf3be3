import type { RoutingFacts, RoutingRule } from './routing-rule';
import { RuleMatcher } from './rule.matcher';

const facts: RoutingFacts = {
  segment: 'enterprise',
  region: 'benelux',
  tier: 'gold',
  language: 'nl',
  touchpointType: 'order-delivered',
  score: 3,
  tagIds: ['delivery'],
};
const rule = (id: string, position: number, conditions: RoutingRule['conditions'], enabled = true): RoutingRule => ({
  id,
  position,
  teamId: `team-${id}`,
  conditions,
  priority: null,
  enabled,
});

describe('RuleMatcher', () => {
  it.each([
    [
      'every condition holds',
      {
        segments: ['enterprise'],
        regions: ['BENELUX'],
        tiers: ['gold', 'platinum'],
        languages: ['nl'],
        touchpointTypes: ['order-delivered'],
      },
      true,
    ],
    ['the segment differs', { segments: ['consumer'] }, false],
    ['score within range', { minScore: 0, maxScore: 3 }, true],
    ['score above the range', { maxScore: 2 }, false],
    ['one of the tags is known', { anyTags: ['price', 'delivery'] }, true],
    ['none of the tags is known', { anyTags: ['price'] }, false],
    ['no conditions at all', {}, true],
  ])('%s', (_case, conditions, expected) => {
    expect(RuleMatcher.matches(facts, conditions)).toBe(expected);
  });

  it('takes the first matching enabled rule by position, else the default team', () => {
    const rules = [
      rule('late', 20, { regions: ['benelux'] }),
      rule('off', 1, {}, false),
      rule('early', 10, { tiers: ['gold'] }),
      rule('other', 5, { regions: ['dach'] }),
    ];
    expect(RuleMatcher.choose(facts, rules, 'default')).toMatchObject({ teamId: 'team-early', rule: { id: 'early' } });
    expect(RuleMatcher.choose({ ...facts, region: 'uk', tier: 'standard' }, rules, 'default')).toEqual({
      teamId: 'default',
      rule: null,
    });
  });
});
