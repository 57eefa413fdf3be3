import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isAdmin, mayWorkCase, type Operator } from '../auth/operator';
import { CustomerRepository } from '../customers/customer.repository';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import type { CaseQueueQuery } from './case-queue.dto';
import { CaseViewRepository } from './case-view.repository';
import type { CaseRecord } from './case.record';
import { CaseRepository } from './case.repository';

/** The queue and the case screen (the customer story), scoped to what the operator may see. */
@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewRepository,
    private readonly customers: CustomerRepository,
  ) {}

  queue(query: CaseQueueQuery, operator: Operator) {
    if (query.teamId && !isAdmin(operator) && !operator.teamIds.includes(query.teamId)) {
      throw new CaseError(CaseErrorCode.FORBIDDEN, `team ${query.teamId} is not one of yours`);
    }
    const scope = query.scope ?? 'mine';
    const teamIds = query.teamId
      ? [query.teamId]
      : scope === 'team' && !isAdmin(operator)
        ? operator.teamIds
        : undefined;
    return this.views.queue(this.db.manager, {
      ownerId: scope === 'mine' ? operator.memberId : undefined,
      teamIds,
      statuses: query.status ? [query.status] : ['open', 'in_progress'],
      priority: query.priority,
      overdue: query.overdue,
      tagId: query.tagId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  async detail(id: string, operator: Operator) {
    const manager = this.db.manager;
    const c = await this.cases.find(manager, id);
    if (!c) throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `no case ${id}`);
    if (!mayWorkCase(operator, c.teamId, c.ownerId))
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
      customerStory: {
        customerId: c.customerId,
        name: customer?.name ?? '',
        facts: {
          segment: c.segment,
          region: c.region,
          tier: c.tier,
          language: c.language,
          accountOwnerId: customer?.accountOwnerId ?? '',
        },
        crmAttributes: customer?.attributes ?? {},
        scores: mergeScores(scores, customerCases),
        comments: customerCases
          .filter((other) => other.comment)
          .map((other) => ({
            responseId: other.responseId,
            comment: other.comment,
            tagIds: other.tagIds,
            at: other.openedAt,
          })),
        previousCases: customerCases.filter((other) => other.id !== c.id).map(summary),
      },
    };
  }
}

/** Every score we know of the customer: all answers (from scoring) plus the detractor answers behind cases. */
function mergeScores(
  scores: { responseId: string; revision: number; score: number; answeredAt: Date | null }[],
  cases: CaseRecord[],
) {
  const known = new Set(scores.map((s) => `${s.responseId}|${s.revision}`));
  const fromCases = cases
    .filter((c) => !known.has(`${c.responseId}|${c.revision}`))
    .map((c) => ({ responseId: c.responseId, revision: c.revision, score: c.score, answeredAt: c.openedAt }));
  return [...scores, ...fromCases].sort((a, b) => (a.answeredAt?.getTime() ?? 0) - (b.answeredAt?.getTime() ?? 0));
}

function summary(c: CaseRecord) {
  return {
    id: c.id,
    responseId: c.responseId,
    status: c.status,
    score: c.score,
    openedAt: c.openedAt,
    resolvedAt: c.resolvedAt,
    outcome: c.outcome,
    rootCauseTagId: c.rootCauseTagId,
    tagIds: c.tagIds,
  };
}
