import { CaseLifecycle } from './case.lifecycle';

describe('CaseLifecycle', () => {
  it.each([
    ['open', ['log_contact', 'add_note', 'reassign']],
    ['in_progress', ['log_contact', 'add_note', 'reassign', 'resolve']],
    ['resolved', ['add_note', 'close', 'reopen']],
    ['closed', ['add_note', 'reopen']],
  ] as const)('%s allows %j', (status, allowed) => {
    expect(CaseLifecycle.allowed(status)).toEqual(allowed);
  });

  it.each([
    ['open', 'log_contact', 'in_progress'],
    ['in_progress', 'resolve', 'resolved'],
    ['resolved', 'close', 'closed'],
    ['closed', 'reopen', 'in_progress'],
    ['resolved', 'reopen', 'in_progress'],
    ['open', 'add_note', 'open'],
    ['in_progress', 'reassign', 'in_progress'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(CaseLifecycle.next(from, action)).toBe(to);
  });

  it('never resolves an open case or closes an unresolved one', () => {
    expect(CaseLifecycle.permits('open', 'resolve')).toBe(false);
    expect(CaseLifecycle.permits('in_progress', 'close')).toBe(false);
  });
});
