export const CASE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['log_contact', 'add_note', 'reassign', 'resolve', 'close', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * open → in_progress (a contact is logged) → resolved (root cause + outcome) → closed; a closed
 * case may be reopened (back to in_progress, within the reopen window). Notes go on any case.
 */
const ALLOWED: Record<CaseStatus, CaseAction[]> = {
  open: ['log_contact', 'add_note', 'reassign'],
  in_progress: ['log_contact', 'add_note', 'reassign', 'resolve'],
  resolved: ['add_note', 'close', 'reopen'],
  closed: ['add_note', 'reopen'],
};

const NEXT: Partial<Record<CaseAction, CaseStatus>> = {
  log_contact: 'in_progress',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'in_progress',
};

export class CaseLifecycle {
  static allowed(status: CaseStatus): CaseAction[] {
    return ALLOWED[status];
  }

  static permits(status: CaseStatus, action: CaseAction): boolean {
    return ALLOWED[status].includes(action);
  }

  /** The status after `action`; unchanged for actions that do not move the case. */
  static next(status: CaseStatus, action: CaseAction): CaseStatus {
    return NEXT[action] ?? status;
  }
}
