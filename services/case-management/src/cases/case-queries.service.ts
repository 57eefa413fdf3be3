import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { DataSource } from 'typeorm';
import { seesTeam, visibleTeams } from '../access/team-access';
import { CustomerRepository } from '../customers/customer.repository';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import type { CaseQueueQuery } from './case-queue.dto';
import { CaseViewRepository } from './case-view.repository';
import { CaseRepository } from './case.repository';
import { customerStory } from './customer-story.view';

/** The queue and the case screen (the customer story), scoped to the caller's teams (ADR 0020). */
@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewRepository,
    private readonly customers: CustomerRepository,
  ) {}

  queue(query: CaseQueueQuery, principal: Principal) {
    if (query.teamId && !seesTeam(principal, query.teamId)) {
      throw new CaseError(CaseErrorCode.FORBIDDEN, `team ${query.teamId} is not one of yours`);
    }
    const scope = query.scope ?? 'mine';
    return this.views.queue(this.db.manager, {
      ownerId: scope === 'mine' ? principal.subject : undefined,
      // 'mine' too: a case the caller still owns in a team they left is that team's now
      teamIds: query.teamId ? [query.teamId] : visibleTeams(principal),
      statuses: query.status ? [query.status] : ['open', 'in_progress'],
      priority: query.priority,
      overdue: query.overdue,
      tagId: query.tagId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  async detail(id: string, principal: Principal) {
    const manager = this.db.manager;
    const c = await this.cases.find(manager, id);
    if (!c) throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `no case ${id}`);
    if (!seesTeam(principal, c.teamId))
      throw new CaseError(CaseErrorCode.FORBIDDEN, `case ${id} belongs to team ${c.teamId}, not to yours`);
    const [activity, notifications, customer, scores, customerCases] = await Promise.all([
      this.cases.activities(manager, id),
      this.views.notifications(manager, id),
      this.customers.find(manager, c.customerId),
      this.customers.scores(manager, c.customerId),
      this.views.customerCases(manager, c.customerId),
    ]);
    return {
      case: c,
      activity,
      notifications,
      customerStory: customerStory(c, customer, scores, customerCases, principal),
    };
  }
}
