import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { DataSource } from 'typeorm';
import { seesTeam } from '../access/team-access';
import { CustomerRepository } from '../customers/customer.repository';
import { CaseRecoveryRepository } from '../recovery/case-recovery.repository';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { CaseViewRepository } from './case-view.repository';
import { CaseRepository } from './case.repository';
import { customerStory } from './customer-story.view';

/** The case screen (the customer story), scoped to the caller's teams (ADR 0020). */
@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewRepository,
    private readonly customers: CustomerRepository,
    private readonly recoveries: CaseRecoveryRepository,
  ) {}

  async detail(id: string, principal: Principal) {
    const manager = this.db.manager;
    const c = await this.cases.find(manager, id);
    if (!c) throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `no case ${id}`);
    if (!seesTeam(principal, c.teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `case ${id} belongs to team ${c.teamId}, not to yours`);
    const [activity, notifications, customer, scores, customerCases, recovery] = await Promise.all([
      this.cases.activities(manager, id),
      this.views.notifications(manager, id),
      this.customers.find(manager, c.customerId),
      this.customers.scores(manager, c.customerId),
      this.views.customerCases(manager, c.customerId),
      this.recoveries.of(manager, id),
    ]);
    return {
      case: c,
      activity,
      notifications,
      customerStory: customerStory(c, customer, scores, customerCases, principal),
      /** The recovery re-survey's measurement; null until the customer answered it (docs/outer-loop.md). */
      recovery,
    };
  }
}
