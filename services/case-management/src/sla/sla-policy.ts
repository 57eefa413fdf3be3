import type { Priority } from './priority';

/** Deadlines of a priority, in working minutes of the team's calendar. */
export interface SlaPolicy {
  priority: Priority;
  firstContactMinutes: number;
  resolutionMinutes: number;
  version: number;
}
