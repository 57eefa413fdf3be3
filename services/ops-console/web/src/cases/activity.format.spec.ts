import { describe, expect, it } from '@jest/globals';
import { activityText, newestFirst } from './activity.format';
import type { ActivityEntry } from './case.types';

const at = '2026-03-02T10:00:00Z';

describe('activity text', () => {
  it('names the kind and carries its details', () => {
    expect(
      activityText({
        at,
        actorId: 'alice',
        kind: 'customer_contacted',
        detail: { channel: 'call', result: 'reached' },
      }),
    ).toMatchObject({ key: 'activity.customer_contacted', values: { channel: 'call', result: 'reached' } });
    expect(
      activityText({ at, actorId: 'lena', kind: 'reassigned', detail: { from: null, to: 'alice', reason: 'on leave' } })
        .values,
    ).toMatchObject({ from: '—', to: 'alice', reason: 'on leave' });
  });

  it('gives a revision and a change of tags their own text', () => {
    expect(
      activityText({
        at,
        actorId: '',
        kind: 'response_revised',
        detail: { score: 9, previousScore: 3, comment: 'ok' },
      }),
    ).toMatchObject({ key: 'activity.response_revised', values: { score: '9', previousScore: '3', comment: 'ok' } });
    expect(
      activityText({
        at,
        actorId: '',
        kind: 'tags_changed',
        detail: { tagIds: ['billing', 'delivery'], previous: [] },
      }),
    ).toMatchObject({ key: 'activity.tags_changed', values: { tags: 'billing, delivery' } });
    expect(activityText({ at, actorId: '', kind: 'tags_changed', detail: { tagIds: [] } }).values.tags).toBe('—');
  });

  it('says something for a kind added after it was built', () => {
    const newer = { at, actorId: '', kind: 'recovery_measured', detail: {} } as unknown as ActivityEntry;
    expect(activityText(newer)).toMatchObject({
      key: 'activity.other',
      values: { kind: 'recovery_measured' },
    });
  });

  it('orders newest first', () => {
    const old: ActivityEntry = { at: '2026-03-01T00:00:00Z', actorId: '', kind: 'opened', detail: {} };
    const recent: ActivityEntry = { at, actorId: '', kind: 'closed', detail: {} };
    expect(newestFirst([old, recent])).toEqual([recent, old]);
  });
});
