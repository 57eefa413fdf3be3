import { BaseEnv } from '@nps/config';

/** Configuration of case-management: cases, routing, SLAs and escalation. */
export class CaseManagementEnv extends BaseEnv {
  override PORT: number = 3005;
}
