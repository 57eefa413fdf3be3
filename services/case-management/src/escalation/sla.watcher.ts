import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CaseEscalationReason, Topics } from '@nps/contracts';
import { EventTransactions, InfrastructureOutages, type UnitOfWork } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import { CaseEvents } from '../cases/case.events';
import { type CaseRecord, toCaseRecord } from '../cases/case.record';
import { CaseRepository } from '../cases/case.repository';
import { SchemaTables } from '../database/schema.tables';
import { NotificationQueue } from '../notifications/notification.queue';
import { TeamRepository } from '../teams/team.repository';
import { escalationTarget } from './escalation-target';

const BATCH = 50;

interface Breach {
  reason: CaseEscalationReason;
  dueAt: Date;
  column: 'first_contact_escalated_at' | 'resolution_escalated_at';
}

/**
 * Escalates every breached deadline exactly once, however many instances watch: breached cases
 * are locked FOR UPDATE SKIP LOCKED and marked escalated in the same transaction that publishes
 * `case escalated` (outbox) and queues the notification.
 */
@Injectable()
export class SlaWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaWatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly transactions: EventTransactions,
    private readonly tables: SchemaTables,
    private readonly cases: CaseRepository,
    private readonly teams: TeamRepository,
    private readonly notifications: NotificationQueue,
    private readonly env: CaseManagementEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.SLA_WATCH_ENABLED !== 'true') return;
    this.timer = setInterval(() => {
      this.running ??= this.outages
        .guard('SLA watcher', () => this.sweep())
        .catch((error: Error) => this.logger.error({ msg: 'SLA sweep failed', error: error.message }))
        .finally(() => (this.running = undefined));
    }, this.env.SLA_WATCH_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Escalates what is due now, batch by batch; returns how many breaches it escalated. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const escalated = await this.transactions.run((unitOfWork) => this.escalateBatch(unitOfWork));
      total += escalated;
      if (escalated < BATCH) return total;
    }
  }

  private async escalateBatch(unitOfWork: UnitOfWork): Promise<number> {
    const rows: Record<string, unknown>[] = await unitOfWork.manager.query(
      `SELECT *, now() AS db_now FROM ${this.tables.of('cases')}
       WHERE status IN ('open', 'in_progress')
         AND ((first_contacted_at IS NULL AND first_contact_due_at < now() AND first_contact_escalated_at IS NULL)
              OR (resolution_due_at < now() AND resolution_escalated_at IS NULL))
       ORDER BY LEAST(first_contact_due_at, resolution_due_at), id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    );
    for (const row of rows) {
      const c = toCaseRecord(row);
      for (const breach of breachesOf(c, row, row.db_now as Date)) await this.escalate(c, breach, unitOfWork);
    }
    return rows.length;
  }

  private async escalate(c: CaseRecord, breach: Breach, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
    const [{ escalation_level: level }] = await manager.query(
      `WITH escalated AS (UPDATE ${this.tables.of('cases')} SET escalation_level = escalation_level + 1, ${breach.column} = now(), updated_at = now() WHERE id = $1 RETURNING escalation_level) SELECT escalation_level FROM escalated`,
      [c.id],
    );
    const team = await this.teams.find(manager, c.teamId);
    const lead = team?.leadMemberId ? await this.teams.findMember(manager, team.leadMemberId) : null;
    const second = team?.escalationMemberId ? await this.teams.findMember(manager, team.escalationMemberId) : null;
    const target = team ? escalationTarget(level, team, lead, second, this.env.ESCALATION_CONTACT_EMAIL) : null;
    const escalated = { ...c, escalationLevel: level };
    await this.cases.addActivity(manager, c.id, '', 'escalated', { level, reason: CaseEscalationReason[breach.reason], breachedDueAt: breach.dueAt, targetId: target?.memberId ?? '', targetEmail: target?.email ?? '' });
    unitOfWork.publish(Topics.CaseEscalated, CaseEvents.escalated(escalated, { level, reason: breach.reason, targetOwnerId: target?.memberId ?? '', breachedDueAt: breach.dueAt }));
    const why = breach.reason === CaseEscalationReason.FIRST_CONTACT_OVERDUE ? 'the customer was not contacted in time' : 'the case was not resolved in time';
    if (target) await this.notifications.enqueue(manager, escalated, 'escalated', target, team?.webhookUrl ?? null, `${why} (escalation level ${level})`);
    this.logger.log({ msg: 'case escalated', caseId: c.id, level, reason: CaseEscalationReason[breach.reason] });
  }
}

function breachesOf(c: CaseRecord, row: Record<string, unknown>, now: Date): Breach[] {
  const breaches: Breach[] = [];
  if (!c.firstContactedAt && c.firstContactDueAt < now && !row.first_contact_escalated_at) {
    breaches.push({ reason: CaseEscalationReason.FIRST_CONTACT_OVERDUE, dueAt: c.firstContactDueAt, column: 'first_contact_escalated_at' });
  }
  if (c.resolutionDueAt < now && !row.resolution_escalated_at) {
    breaches.push({ reason: CaseEscalationReason.RESOLUTION_OVERDUE, dueAt: c.resolutionDueAt, column: 'resolution_escalated_at' });
  }
  return breaches;
}
