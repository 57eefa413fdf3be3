import type { ImprovementActionStatus } from './improvement-action.record';

export const IMPROVEMENT_ACTION_ACTIONS = ['link_cases', 'release', 'close'] as const;
export type ImprovementActionAction = (typeof IMPROVEMENT_ACTION_ACTIONS)[number];

/**
 * open → released → closed, and open → closed (abandoned). Cases may be linked until the action is
 * closed: detractors that keep arriving after a release are evidence the fix did not hold.
 */
const ALLOWED: Record<ImprovementActionStatus, readonly ImprovementActionAction[]> = {
  open: ['link_cases', 'release', 'close'],
  released: ['link_cases', 'close'],
  closed: [],
};

const NEXT: Partial<Record<ImprovementActionAction, ImprovementActionStatus>> = {
  release: 'released',
  close: 'closed',
};

export class ImprovementActionLifecycle {
  static permits(status: ImprovementActionStatus, action: ImprovementActionAction): boolean {
    return ALLOWED[status].includes(action);
  }

  static allowed(status: ImprovementActionStatus): ImprovementActionAction[] {
    return [...ALLOWED[status]];
  }

  /** The status after `action`; throws on an action `permits` refuses (callers check first). */
  static next(status: ImprovementActionStatus, action: ImprovementActionAction): ImprovementActionStatus {
    if (!this.permits(status, action)) throw new Error(`${action} is not allowed on a ${status} improvement action`);
    return NEXT[action] ?? status;
  }
}
