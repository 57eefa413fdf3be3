import { Injectable } from '@nestjs/common';
import type { Principal } from '@nps/auth';
import { CaseAssignmentReason, CaseUpdateKind, Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { leads, seesTeam } from '../access/team-access';
import { CaseManagementEnv } from '../case-management.env';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { NotificationQueue } from '../notifications/notification.queue';
import { RootCauseCheck } from '../root-causes/root-cause.check';
import { SlaClock } from '../sla/sla.clock';
import { TeamRepository } from '../teams/team.repository';
import type {
  AddNoteDto,
  CloseCaseDto,
  LogContactDto,
  ReassignCaseDto,
  ReopenCaseDto,
  ResolveCaseDto,
} from './case-action.dto';
import { CaseEvents } from './case.events';
import { type CaseAction, CaseLifecycle } from './case.lifecycle';
import type { CaseRecord } from './case.record';
import { CaseRepository } from './case.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What operators do to a case: each action is one transaction with its activity entry and its case event. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly transactions: EventTransactions,
    private readonly cases: CaseRepository,
    private readonly teams: TeamRepository,
    private readonly sla: SlaClock,
    private readonly notifications: NotificationQueue,
    private readonly env: CaseManagementEnv,
    private readonly rootCauses: RootCauseCheck,
  ) {}

  logContact(id: string, dto: LogContactDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'log_contact', principal, async (c, unitOfWork) => {
      const reached = dto.result === 'reached';
      const next = {
        ...c,
        status: CaseLifecycle.next(c.status, 'log_contact'),
        firstContactedAt: c.firstContactedAt ?? (reached ? new Date() : null),
      };
      await this.cases.save(unitOfWork.manager, next);
      await this.cases.addActivity(
        unitOfWork.manager,
        c.id,
        principal.subject,
        reached ? 'customer_contacted' : 'contact_attempted',
        { ...dto },
      );
      const kind = reached ? CaseUpdateKind.CUSTOMER_CONTACTED : CaseUpdateKind.CONTACT_ATTEMPTED;
      unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(next, kind, dto.note ?? '', principal.subject));
      return next;
    });
  }

  addNote(id: string, dto: AddNoteDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'add_note', principal, async (c, unitOfWork) => {
      await this.cases.save(unitOfWork.manager, c);
      await this.cases.addActivity(unitOfWork.manager, c.id, principal.subject, 'note_added', { note: dto.note });
      unitOfWork.publish(
        Topics.CaseUpdated,
        CaseEvents.updated(c, CaseUpdateKind.NOTE_ADDED, dto.note, principal.subject),
      );
      return c;
    });
  }

  resolve(id: string, dto: ResolveCaseDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'resolve', principal, async (c, unitOfWork) => {
      await this.rootCauses.assertKnown(unitOfWork.manager, dto.rootCauseTagId);
      const next: CaseRecord = {
        ...c,
        status: 'resolved',
        rootCauseTagId: dto.rootCauseTagId,
        outcome: dto.outcome,
        resolvedAt: new Date(),
      };
      await this.cases.save(unitOfWork.manager, next);
      await this.cases.adjustLoad(unitOfWork.manager, c.ownerId, -1);
      await this.cases.addActivity(unitOfWork.manager, c.id, principal.subject, 'resolved', { ...dto });
      unitOfWork.publish(Topics.CaseResolved, CaseEvents.resolved(next, dto.note, principal.subject));
      return next;
    });
  }

  close(id: string, dto: CloseCaseDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'close', principal, async (c, unitOfWork) => {
      const next: CaseRecord = { ...c, status: 'closed', closedAt: new Date() };
      await this.cases.save(unitOfWork.manager, next);
      await this.cases.addActivity(unitOfWork.manager, c.id, principal.subject, 'closed', { note: dto.note ?? '' });
      unitOfWork.publish(Topics.CaseClosed, CaseEvents.closed(next, dto.note ?? '', principal.subject));
      return next;
    });
  }

  reopen(id: string, dto: ReopenCaseDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'reopen', principal, async (c, unitOfWork) => {
      const since = c.closedAt ?? c.resolvedAt;
      if (since && Date.now() - since.getTime() > this.env.REOPEN_WINDOW_DAYS * DAY_MS) {
        throw new CaseError(
          CaseErrorCode.REOPEN_WINDOW_PASSED,
          `cases can be reopened within ${this.env.REOPEN_WINDOW_DAYS} days; this one was closed on ` +
            `${since.toISOString()}`,
        );
      }
      const team = await this.teams.find(unitOfWork.manager, c.teamId);
      const resolutionDueAt = team
        ? await this.sla.resolutionDeadline(unitOfWork.manager, new Date(), c.priority, team.calendar)
        : c.resolutionDueAt;
      const next: CaseRecord = {
        ...c,
        status: 'in_progress',
        resolvedAt: null,
        closedAt: null,
        rootCauseTagId: null,
        outcome: null,
        resolutionDueAt,
      };
      await this.cases.save(unitOfWork.manager, next);
      await this.cases.adjustLoad(unitOfWork.manager, c.ownerId, 1);
      await this.cases.addActivity(unitOfWork.manager, c.id, principal.subject, 'reopened', {
        note: dto.note,
        resolutionDueAt,
      });
      unitOfWork.publish(Topics.CaseReopened, CaseEvents.reopened(next, dto.note, principal.subject));
      return next;
    });
  }

  reassign(id: string, dto: ReassignCaseDto, principal: Principal): Promise<CaseRecord> {
    return this.act(id, 'reassign', principal, async (c, unitOfWork) => {
      const { manager } = unitOfWork;
      if (!leads(principal, c.teamId))
        throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${c.teamId} or an admin reassigns its cases`);
      const member = await this.teams.findMember(manager, dto.ownerId);
      if (!member)
        throw new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, `ownerId: no member ${dto.ownerId}`, { field: 'ownerId' });
      if (member.teamId !== c.teamId && !leads(principal, member.teamId)) {
        throw new CaseError(CaseErrorCode.FORBIDDEN, `only a lead of ${member.teamId} or an admin moves cases into it`);
      }
      const team = await this.teams.find(manager, member.teamId);
      for (const teamId of [...new Set([c.teamId, member.teamId])].sort())
        await this.cases.lockTeamForAssignment(manager, teamId);
      const next: CaseRecord = {
        ...c,
        teamId: member.teamId,
        ownerId: member.id,
        assignmentReason: 'manual',
        assignmentDetail: `reassigned: ${dto.reason}`,
        ruleId: c.ruleId,
      };
      await this.cases.save(manager, next);
      await this.cases.adjustLoad(manager, c.ownerId, -1);
      await this.cases.adjustLoad(manager, member.id, 1);
      await this.cases.addActivity(manager, c.id, principal.subject, 'reassigned', {
        from: c.ownerId,
        to: member.id,
        fromTeam: c.teamId,
        toTeam: member.teamId,
        reason: dto.reason,
      });
      unitOfWork.publish(
        Topics.CaseAssigned,
        CaseEvents.assigned(
          next,
          { teamId: c.teamId, ownerId: c.ownerId ?? '' },
          CaseAssignmentReason.MANUAL,
          principal.subject,
        ),
      );
      await this.notifications.enqueue(
        manager,
        next,
        'assigned',
        { memberId: member.id, name: member.name, email: member.email },
        team,
        `reassigned: ${dto.reason}`,
      );
      return next;
    });
  }

  /** Loads and locks the case, checks access and the lifecycle, then runs the action in the same transaction. */
  private act(
    id: string,
    action: CaseAction,
    principal: Principal,
    work: (c: CaseRecord, unitOfWork: UnitOfWork) => Promise<CaseRecord>,
  ): Promise<CaseRecord> {
    return this.transactions.run(async (unitOfWork) => {
      const c = await this.cases.find(unitOfWork.manager, id, true);
      if (!c) throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `no case ${id}`);
      if (!seesTeam(principal, c.teamId))
        throw new CaseError(CaseErrorCode.FORBIDDEN, `case ${id} belongs to team ${c.teamId}, not to yours`);
      if (!CaseLifecycle.permits(c.status, action)) {
        const allowed = CaseLifecycle.allowed(c.status);
        const detail = `a case that is ${c.status} cannot ${action.replace('_', ' ')}; allowed: ${allowed.join(', ')}`;
        throw new CaseError(CaseErrorCode.ILLEGAL_TRANSITION, detail, {
          extensions: { caseStatus: c.status, allowed },
        });
      }
      return work(c, unitOfWork);
    });
  }
}
