import type { Role } from '../auth/principal';
import type { CaseStatus } from './case.types';

export type CaseActionName = 'contact' | 'note' | 'reassign' | 'resolve' | 'close' | 'reopen';

/** What case-management's lifecycle allows in each status (services/case-management/src/cases/case.lifecycle.ts). */
const BY_STATUS: Record<CaseStatus, CaseActionName[]> = {
  open: ['contact', 'note', 'reassign'],
  in_progress: ['contact', 'note', 'reassign', 'resolve'],
  resolved: ['note', 'close', 'reopen'],
  closed: ['note', 'reopen'],
};

/** The actions to offer: the lifecycle's, and reassigning only to leads and admins. The API still decides. */
export function offeredActions(status: CaseStatus, roles: readonly Role[]): CaseActionName[] {
  const leads = roles.includes('lead') || roles.includes('admin');
  return BY_STATUS[status].filter((action) => action !== 'reassign' || leads);
}

/** The API path of an action on a case. */
export const ACTION_PATH: Record<CaseActionName, string> = {
  contact: 'contacts',
  note: 'notes',
  reassign: 'reassign',
  resolve: 'resolve',
  close: 'close',
  reopen: 'reopen',
};
