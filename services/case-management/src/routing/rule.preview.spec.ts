import type { Principal } from '@nps/auth';
import type { CaseRecord } from '../cases/case.record';
import type { RoutingRule } from './routing-rule';
import { previewRule } from './rule.preview';

const lena: Principal = {
  subject: 'lena',
  roles: ['lead'],
  teams: ['customer-care'],
  scopes: [],
} as unknown as Principal;
const aCase = (id: string, teamId: string, facts: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    id,
    teamId,
    segment: 'consumer',
    region: 'benelux',
    tier: 'standard',
    language: 'nl',
    touchpointType: 'order-delivered',
    score: 3,
    tagIds: [],
    comment: 'secret words',
    openedAt: new Date('2026-01-05T10:00:00Z'),
    ...facts,
  }) as CaseRecord;
const rule = (id: string, position: number, teamId: string, conditions: RoutingRule['conditions']): RoutingRule => ({
  id,
  position,
  teamId,
  conditions,
  priority: null,
  enabled: true,
});

describe('previewRule', () => {
  const recent = [
    aCase('c1', 'customer-care', { segment: 'enterprise' }),
    aCase('c2', 'billing', { segment: 'enterprise', tier: 'gold' }),
    aCase('c3', 'customer-care'),
  ];

  it('lists the matched cases, whether the draft would route them, and redacts other teams', () => {
    const rules = [rule('gold-to-billing', 10, 'billing', { tiers: ['gold'] })];
    const draft = rule('enterprise', 20, 'customer-care', { segments: ['enterprise'] });
    const preview = previewRule(draft, rules, recent, 'customer-care', lena);
    expect(preview).toMatchObject({ considered: 3, matched: 2, won: 1 });
    expect(preview.cases[0]).toMatchObject({ redacted: false, id: 'c1', wins: true, routedTo: 'customer-care' });
    // c2 is billing's: the earlier gold rule takes it, and lena sees only when and where
    expect(preview.cases[1]).toEqual({
      redacted: true,
      openedAt: recent[1].openedAt,
      teamId: 'billing',
      wins: false,
      routedTo: 'billing',
    });
    expect(JSON.stringify(preview)).not.toContain('secret words');
  });

  it('replaces the stored rule of the same id, so an edit is previewed at its new position', () => {
    const rules = [
      rule('enterprise', 1, 'customer-care', { segments: ['enterprise'] }),
      rule('gold', 10, 'billing', { tiers: ['gold'] }),
    ];
    const moved = rule('enterprise', 30, 'customer-care', { segments: ['enterprise'] });
    const admin = { ...lena, roles: ['admin'], teams: [] } as unknown as Principal;
    const preview = previewRule(moved, rules, recent, 'customer-care', admin);
    expect(preview.cases.map((c) => [c.redacted ? '' : c.id, c.wins, c.routedTo])).toEqual([
      ['c1', true, 'customer-care'],
      ['c2', false, 'billing'],
    ]);
  });

  it('a disabled draft never routes anything', () => {
    const draft = { ...rule('off', 0, 'customer-care', {}), enabled: false };
    expect(previewRule(draft, [], recent, 'default', lena)).toMatchObject({ matched: 3, won: 0 });
  });
});
