import { Injectable, Logger } from '@nestjs/common';
import { CaseEscalationReason, Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import { CaseEvents } from '../cases/case.events';
import type { CaseRecord } from '../cases/case.record';
import { type BreachedCase, CaseRepository, type Deadline } from '../cases/case.repository';
import { countSlaBreach } from '../metrics/case.metrics';
import { NotificationQueue } from '../notifications/notification.queue';
import { TeamRepository } from '../teams/team.repository';
import { escalationTarget } from './escalation-target';

const BATCH = 50;

interface Breach {
  reason: CaseEscalationReason;
  dueAt: Date;
  deadline: Deadline;
}

/**
 * Escalates every breached deadline exactly once, however many instances watch: breached cases
 * are locked FOR UPDATE SKIP LOCKED and marked escalated in the same transaction that publishes
 * `case escalated` (outbox) and queues the notification. SlaWatcher calls it on a timer.
 */
@Injectable()
export class SlaEscalator {
  private readonly logger = new Logger(SlaEscalator.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly cases: CaseRepository,
    private readonly teams: TeamRepository,
    private readonly notifications: NotificationQueue,
    private readonly env: CaseManagementEnv,
  ) {}

  /** Escalates one batch of breached cases in one transaction; false when none was due. */
  async escalateDueBatch(): Promise<boolean> {
    const escalated = await this.transactions.run((unitOfWork) => this.escalateBatch(unitOfWork));
    return escalated > 0;
  }

  private async escalateBatch(unitOfWork: UnitOfWork): Promise<number> {
    const breached = await this.cases.lockBreached(unitOfWork.manager, BATCH);
    for (const found of breached) {
      for (const breach of breachesOf(found)) await this.escalate(found.record, breach, unitOfWork);
    }
    return breached.length;
  }

  private async escalate(c: CaseRecord, breach: Breach, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
    const level = await this.cases.markEscalated(manager, c.id, breach.deadline);
    const team = await this.teams.find(manager, c.teamId);
    const lead = team?.leadMemberId ? await this.teams.findMember(manager, team.leadMemberId) : null;
    const second = team?.escalationMemberId ? await this.teams.findMember(manager, team.escalationMemberId) : null;
    const target = team ? escalationTarget(level, team, lead, second, this.env.ESCALATION_CONTACT_EMAIL) : null;
    const escalated = { ...c, escalationLevel: level };
    await this.cases.addActivity(manager, c.id, '', 'escalated', {
      level,
      reason: CaseEscalationReason[breach.reason],
      breachedDueAt: breach.dueAt,
      targetId: target?.memberId ?? '',
      targetEmail: target?.email ?? '',
    });
    unitOfWork.publish(
      Topics.CaseEscalated,
      CaseEvents.escalated(escalated, {
        level,
        reason: breach.reason,
        targetOwnerId: target?.memberId ?? '',
        breachedDueAt: breach.dueAt,
      }),
    );
    const why =
      breach.reason === CaseEscalationReason.FIRST_CONTACT_OVERDUE
        ? 'the customer was not contacted in time'
        : 'the case was not resolved in time';
    if (target)
      await this.notifications.enqueue(
        manager,
        escalated,
        'escalated',
        target,
        team,
        `${why} (escalation level ${level})`,
      );
    this.logger.log({ msg: 'case escalated', caseId: c.id, level, reason: CaseEscalationReason[breach.reason] });
    unitOfWork.onCommitted(() => countSlaBreach(breach.deadline === 'firstContact' ? 'first_contact' : 'resolution'));
  }
}

function breachesOf({ record: c, escalated, now }: BreachedCase): Breach[] {
  const breaches: Breach[] = [];
  if (!c.firstContactedAt && c.firstContactDueAt < now && !escalated.firstContact) {
    const reason = CaseEscalationReason.FIRST_CONTACT_OVERDUE;
    breaches.push({ reason, dueAt: c.firstContactDueAt, deadline: 'firstContact' });
  }
  if (c.resolutionDueAt < now && !escalated.resolution) {
    const reason = CaseEscalationReason.RESOLUTION_OVERDUE;
    breaches.push({ reason, dueAt: c.resolutionDueAt, deadline: 'resolution' });
  }
  return breaches;
}
