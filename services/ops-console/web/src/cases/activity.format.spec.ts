import { describe, expect, it } from '@jest/globals';
import { activityText, newestFirst } from './activity.format';

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

  it('says something for a kind it does not know', () => {
    expect(activityText({ at, actorId: '', kind: 'recovery_measured', detail: {} })).toMatchObject({
      key: 'activity.other',
      values: { kind: 'recovery_measured' },
    });
  });

  it('orders newest first', () => {
    const old = { at: '2026-03-01T00:00:00Z', actorId: '', kind: 'opened', detail: {} };
    const recent = { at, actorId: '', kind: 'closed', detail: {} };
    expect(newestFirst([old, recent])).toEqual([recent, old]);
  });
});
