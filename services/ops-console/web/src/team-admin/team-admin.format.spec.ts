import { describe, expect, it } from '@jest/globals';
import {
  conditionsSummary,
  draftOf,
  EMPTY_LISTS,
  managesTeam,
  previewBody,
  ruleBody,
  weekdayNames,
  workingTime,
} from './team-admin.format';

describe('team admin formatting', () => {
  it('summarises conditions', () => {
    expect(conditionsSummary({ segments: ['enterprise', 'smb'], maxScore: 4, regions: [] })).toEqual([
      'segments: enterprise, smb',
      'score 0–4',
    ]);
    expect(conditionsSummary({})).toEqual([]);
  });

  it('writes working time and weekdays', () => {
    expect(workingTime(240)).toBe('4 h');
    expect(workingTime(90)).toBe('1 h 30 min');
    expect(workingTime(45)).toBe('45 min');
    expect(weekdayNames([5, 1, 2], 'en-GB')).toBe('Mon, Tue, Fri');
  });

  it('turns a draft into a preview body and a rule back into a draft', () => {
    const draft = {
      id: '',
      position: 10,
      teamId: 'customer-care',
      lists: { ...EMPTY_LISTS, segments: ' enterprise, ,smb ', anyTags: 'delivery' },
      minScore: '',
      maxScore: '4',
    };
    expect(previewBody(draft, 100)).toEqual({
      position: 10,
      teamId: 'customer-care',
      conditions: { segments: ['enterprise', 'smb'], anyTags: ['delivery'], maxScore: 4 },
      limit: 100,
    });
    const rule = { id: 'r1', position: 3, teamId: 'billing', conditions: { regions: ['north', 'east'], minScore: 0 } };
    expect(previewBody(draftOf(rule), 50)).toEqual({ ...rule, limit: 50 });
  });

  it('saves a draft as the rule body, without the preview limit', () => {
    const rule = { id: 'vip', position: 30, teamId: 'billing', conditions: { tiers: ['gold'], maxScore: 3 } };
    expect(ruleBody(draftOf(rule))).toEqual(rule);
  });

  it('lets admins manage every team and leads only their own', () => {
    expect(managesTeam({ roles: ['admin'], teams: [] }, 'billing')).toBe(true);
    expect(managesTeam({ roles: ['lead'], teams: ['customer-care'] }, 'customer-care')).toBe(true);
    expect(managesTeam({ roles: ['lead'], teams: ['customer-care'] }, 'billing')).toBe(false);
    expect(managesTeam({ roles: ['agent'], teams: ['billing'] }, 'billing')).toBe(false);
  });
});
