/** Where an improvement action stands: being worked on, live and measured, or done. */
export const IMPROVEMENT_ACTION_STATUSES = ['open', 'released', 'closed'] as const;
export type ImprovementActionStatus = (typeof IMPROVEMENT_ACTION_STATUSES)[number];

/** A systemic fix of one root cause, optionally narrowed to a touchpoint type and a segment. */
export interface ImprovementActionRecord {
  id: string;
  title: string;
  rootCauseTagId: string;
  /** Null: every touchpoint type. */
  touchpointType: string | null;
  /** Null: every segment. */
  segment: string | null;
  ownerId: string;
  status: ImprovementActionStatus;
  releasedAt: Date | null;
  closedAt: Date | null;
  closeNote: string | null;
  openedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An improvement action with the cases linked to it. */
export interface ImprovementActionView extends ImprovementActionRecord {
  caseIds: string[];
}
