import { type MemberLoad, OwnerPicker } from './owner.picker';

const member = (id: string, openCases: number, lastAssignedAt: string | null = null, available = true): MemberLoad => ({
  id,
  openCases,
  available,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
});

describe('OwnerPicker', () => {
  it('gives the case to the account owner when they are an available member, whatever their load', () => {
    expect(OwnerPicker.pick([member('anna', 9), member('bram', 0)], 'anna')).toEqual({
      ownerId: 'anna',
      reason: 'account_owner',
      detail: 'account owner',
    });
  });

  it('skips an account owner on leave and says so', () => {
    expect(OwnerPicker.pick([member('anna', 0, null, false), member('bram', 3), member('chris', 2)], 'anna')).toEqual({
      ownerId: 'chris',
      reason: 'least_loaded',
      detail: 'least loaded: 2 open (account owner unavailable)',
    });
  });

  it('takes the least-loaded available member when the owner is not in the team', () => {
    expect(
      OwnerPicker.pick([member('bram', 3), member('chris', 1), member('dana', 1, null, false)], 'zoe'),
    ).toMatchObject({ ownerId: 'chris', detail: 'least loaded: 1 open' });
  });

  it('breaks ties in turn: who waited longest since their last case, never assigned first', () => {
    const members = [
      member('a', 1, '2026-01-01T10:00:00Z'),
      member('b', 1, '2026-01-01T09:00:00Z'),
      member('c', 1, null),
    ];
    expect(OwnerPicker.pick(members, '').ownerId).toBe('c');
    expect(OwnerPicker.pick(members.slice(0, 2), '').ownerId).toBe('b');
  });

  it('leaves the case unassigned when nobody is available', () => {
    expect(OwnerPicker.pick([member('a', 0, null, false)], '')).toMatchObject({
      ownerId: null,
      reason: 'no_member_available',
    });
    expect(OwnerPicker.pick([], 'a')).toMatchObject({ ownerId: null });
  });

  it('keeps loads within one when cases are handed out one by one', () => {
    const team = ['a', 'b', 'c', 'd'].map((id) => member(id, 0));
    for (let i = 0; i < 103; i++) {
      const chosen = team.find((m) => m.id === OwnerPicker.pick(team, '').ownerId);
      if (!chosen) throw new Error('nobody chosen');
      chosen.openCases++;
      chosen.lastAssignedAt = new Date(i + 1);
    }
    const loads = team.map((m) => m.openCases);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });
});
