import { Injectable } from '@nestjs/common';
import { type DetractorIdentified, Topics } from '@nps/contracts';
import type { DeferredWrite, UnitOfWork } from '@nps/messaging';
import type { EntityManager } from 'typeorm';
import { AccountRiskService } from '../accounts/account-risk.service';
import type { CaseActivityKind } from '../cases/case-activity.kinds';
import { assignmentReasonOf, CaseEvents } from '../cases/case.events';
import type { CaseRecord } from '../cases/case.record';
import { CaseRepository } from '../cases/case.repository';
import type { CustomerFactsRow } from '../customers/customer.repository';
import { countCaseOpened } from '../metrics/case.metrics';
import { NotificationQueue } from '../notifications/notification.queue';
import { OwnerPicker } from '../routing/owner.picker';
import type { Team } from '../teams/team';

/** A case inserted unassigned by its detractor's handler, waiting for its owner. */
export interface PendingCase {
  unitOfWork: UnitOfWork;
  record: CaseRecord;
  team: Team;
  accountOwnerId: string;
  event: DetractorIdentified;
  /** The customer as our projection had it when the batch began; null when not projected. */
  customer: CustomerFactsRow | null;
}

type Member = Awaited<ReturnType<CaseRepository['memberLoads']>>[number];

/**
 * Assigns the cases a transaction opened, once per transaction (a deferred write, libs/messaging
 * deferred-write.ts): per team, in team order, it takes the team's assignment lock, reads the
 * members' loads once and picks each case's owner in memory, in the order the cases were opened
 * (ADR 0010). In batch mode that is one lock and one read per team per batch, and the lock is held
 * from the batch's end to its commit rather than from its first case on; locking teams in one
 * order keeps batches of different partitions from deadlocking.
 */
@Injectable()
export class CaseAssigner implements DeferredWrite<PendingCase> {
  /** Work on a case waiting for its owner in the same transaction, to run once it has one. */
  private readonly waiting = new WeakMap<EntityManager, Map<string, Array<(opened: CaseRecord) => Promise<void>>>>();

  constructor(
    private readonly cases: CaseRepository,
    private readonly accountRisk: AccountRiskService,
    private readonly notifications: NotificationQueue,
  ) {}

  /** Queues the case's assignment for the end of the transaction. */
  assignLater(pending: PendingCase): void {
    const { manager } = pending.unitOfWork;
    const waiting = this.waiting.get(manager) ?? new Map();
    waiting.set(pending.record.id, []);
    this.waiting.set(manager, waiting);
    pending.unitOfWork.defer(this, pending);
  }

  /**
   * Runs `work` on the case as it is once assigned: at once for a case opened before this transaction, after the
   * assignment for one opened in it (a revision of the same answer in the same batch).
   */
  async whenAssigned(
    manager: EntityManager,
    existing: CaseRecord,
    work: (c: CaseRecord) => Promise<void>,
  ): Promise<void> {
    const waiting = this.waiting.get(manager)?.get(existing.id);
    if (waiting) waiting.push(work);
    else await work(existing);
  }

  async write(manager: EntityManager, pending: PendingCase[]): Promise<void> {
    const teams = [...new Set(pending.map((p) => p.team.id))].sort();
    for (const teamId of teams) {
      // Held until commit: the next assignment in this team, on any instance, sees these loads.
      await this.cases.lockTeamForAssignment(manager, teamId);
      const members = await this.cases.memberLoads(manager, teamId);
      const picked = pending.filter((p) => p.team.id === teamId).map((p) => ({ p, ...this.pick(p, members) }));
      await this.cases.recordAssignments(
        manager,
        picked.map(({ opened }) => ({ c: opened, activities: activitiesOf(opened) })),
      );
      const notifications = [];
      for (const { p, opened, member } of picked) notifications.push(await this.announce(p, opened, member));
      await this.notifications.enqueueAll(
        manager,
        notifications.filter((n) => n !== null),
      );
      for (const { opened } of picked) {
        for (const work of this.waiting.get(manager)?.get(opened.id) ?? []) await work(opened);
        this.waiting.get(manager)?.delete(opened.id);
      }
    }
  }

  /** The case's owner, picked in memory; the member's load and turn are counted for the next pick. */
  private pick({ record, accountOwnerId }: PendingCase, members: Member[]): { opened: CaseRecord; member?: Member } {
    const owner = OwnerPicker.pick(members, accountOwnerId);
    const opened: CaseRecord = {
      ...record,
      ownerId: owner.ownerId,
      assignmentReason: owner.reason,
      assignmentDetail: owner.detail,
    };
    const member = members.find((candidate) => candidate.id === opened.ownerId);
    if (!member) return { opened };
    // What recordAssignments does to the member's row, for the next pick in this transaction.
    // (The database's clock sets last_assigned_at: stay after every turn it recorded.)
    member.openCases++;
    member.lastAssignedAt = new Date(
      Math.max(Date.now(), ...members.map((m) => (m.lastAssignedAt?.getTime() ?? 0) + 1)),
    );
    return { opened, member };
  }

  /** The events of an assigned case, its account risk, and the owner's notification to queue. */
  private async announce({ unitOfWork, team, event, customer }: PendingCase, opened: CaseRecord, member?: Member) {
    unitOfWork.publish(Topics.CaseOpened, CaseEvents.opened(opened));
    unitOfWork.onCommitted(() => countCaseOpened(opened.priority));
    await this.accountRisk.caseOpened(opened, event, unitOfWork, customer); // B2B account at risk (accounts/, ADR 0032)
    if (!member) return null;
    unitOfWork.publish(
      Topics.CaseAssigned,
      CaseEvents.assigned(
        opened,
        { teamId: '', ownerId: '' },
        assignmentReasonOf(opened.assignmentReason, opened.ruleId),
        '',
      ),
    );
    const recipient = { memberId: member.id, name: member.name, email: member.email };
    return this.notifications.compose(opened, 'assigned', recipient, team, opened.assignmentDetail, opened.openedAt);
  }
}

function activitiesOf(opened: CaseRecord): { kind: CaseActivityKind; detail: object }[] {
  const { teamId, ruleId, priority, score, ownerId, assignmentReason: reason, assignmentDetail: detail } = opened;
  return [
    { kind: 'opened', detail: { teamId, ruleId, priority, score } },
    ...(ownerId ? [{ kind: 'assigned' as const, detail: { ownerId, reason, detail } }] : []),
  ];
}
