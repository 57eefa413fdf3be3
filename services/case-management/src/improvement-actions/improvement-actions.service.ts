import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { DataSource } from 'typeorm';
import { CaseError } from '../errors/case.error';
import { CaseErrorCode } from '../errors/case-error.code';
import { RootCauseCheck } from '../root-causes/root-cause.check';
import { TeamRepository } from '../teams/team.repository';
import type {
  CloseImprovementActionDto,
  CreateImprovementActionDto,
  ImprovementActionListQuery,
  LinkCasesDto,
  ReleaseImprovementActionDto,
} from './improvement-action.dto';
import { ImprovementActionEvents } from './improvement-action.events';
import { type ImprovementActionAction, ImprovementActionLifecycle } from './improvement-action.lifecycle';
import type { ImprovementActionRecord, ImprovementActionView } from './improvement-action.record';
import { ImprovementActionRepository } from './improvement-action.repository';

/** A release time a little ahead of this machine's clock is another machine's "now", not the future. */
const CLOCK_SKEW_MS = 60_000;

/** The outer loop's write side: each change is one transaction with its event in the outbox. */
@Injectable()
export class ImprovementActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: EventTransactions,
    private readonly actions: ImprovementActionRepository,
    private readonly rootCauses: RootCauseCheck,
    private readonly teams: TeamRepository,
  ) {}

  open(dto: CreateImprovementActionDto, principal: Principal): Promise<ImprovementActionView> {
    return this.transactions.run(async (unitOfWork) => {
      const { manager } = unitOfWork;
      await this.rootCauses.assertKnown(manager, dto.rootCauseTagId);
      const ownerId = dto.ownerId ?? principal.subject;
      if (dto.ownerId !== undefined && !(await this.teams.findMember(manager, ownerId)))
        throw new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, `ownerId: no member ${ownerId}`, { field: 'ownerId' });
      const now = new Date();
      const action: ImprovementActionRecord = {
        id: randomUUID(),
        title: dto.title,
        rootCauseTagId: dto.rootCauseTagId,
        touchpointType: dto.touchpointType ?? null,
        segment: dto.segment ?? null,
        ownerId,
        status: 'open',
        releasedAt: null,
        closedAt: null,
        closeNote: null,
        openedBy: principal.subject,
        createdAt: now,
        updatedAt: now,
      };
      await this.actions.insert(manager, action);
      unitOfWork.publish(Topics.ImprovementActionOpened, ImprovementActionEvents.opened(action));
      return { ...action, caseIds: [] };
    });
  }

  list(query: ImprovementActionListQuery): Promise<ImprovementActionRecord[]> {
    return this.actions.list(this.dataSource.manager, query);
  }

  async detail(id: string): Promise<ImprovementActionView> {
    const manager = this.dataSource.manager;
    const action = await this.actions.find(manager, id);
    if (!action) throw notFound(id);
    return { ...action, caseIds: await this.actions.caseIds(manager, id) };
  }

  /** Links cases showing the root cause. No event: the contract carries none, the link is this service's view. */
  linkCases(id: string, dto: LinkCasesDto, principal: Principal): Promise<ImprovementActionView> {
    return this.act(id, 'link_cases', async (action, { manager }) => {
      const unknown = await this.actions.unknownCases(manager, dto.caseIds);
      if (unknown.length > 0) {
        throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `caseIds: no case ${unknown.join(', ')}`, {
          field: 'caseIds',
          extensions: { unknownCaseIds: unknown },
        });
      }
      await this.actions.link(manager, id, dto.caseIds, principal.subject);
      return action;
    });
  }

  release(id: string, dto: ReleaseImprovementActionDto, principal: Principal): Promise<ImprovementActionView> {
    return this.act(id, 'release', async (action, unitOfWork) => {
      const now = new Date();
      const releasedAt = dto.releasedAt ? new Date(dto.releasedAt) : now;
      if (releasedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw new CaseError(
          CaseErrorCode.RELEASED_IN_FUTURE,
          `releasedAt: ${releasedAt.toISOString()} is in the future; release once the fix is live`,
          { field: 'releasedAt' },
        );
      }
      const next: ImprovementActionRecord = { ...action, status: 'released', releasedAt, updatedAt: now };
      await this.actions.saveState(unitOfWork.manager, next);
      unitOfWork.publish(Topics.ImprovementActionReleased, ImprovementActionEvents.released(next, principal.subject));
      return next;
    });
  }

  close(id: string, dto: CloseImprovementActionDto, principal: Principal): Promise<ImprovementActionView> {
    return this.act(id, 'close', async (action, unitOfWork) => {
      const now = new Date();
      const next: ImprovementActionRecord = {
        ...action,
        status: 'closed',
        closedAt: now,
        closeNote: dto.note,
        updatedAt: now,
      };
      await this.actions.saveState(unitOfWork.manager, next);
      unitOfWork.publish(Topics.ImprovementActionClosed, ImprovementActionEvents.closed(next, principal.subject));
      return next;
    });
  }

  /** Loads and locks the action, checks the lifecycle, runs `work` in the same transaction and answers the view. */
  private act(
    id: string,
    step: ImprovementActionAction,
    work: (action: ImprovementActionRecord, unitOfWork: UnitOfWork) => Promise<ImprovementActionRecord>,
  ): Promise<ImprovementActionView> {
    return this.transactions.run(async (unitOfWork) => {
      const action = await this.actions.find(unitOfWork.manager, id, true);
      if (!action) throw notFound(id);
      if (!ImprovementActionLifecycle.permits(action.status, step)) {
        const allowed = ImprovementActionLifecycle.allowed(action.status);
        throw new CaseError(
          CaseErrorCode.ILLEGAL_TRANSITION,
          `an improvement action that is ${action.status} cannot ${step.replace('_', ' ')}; allowed: ` +
            (allowed.length > 0 ? allowed.join(', ') : 'nothing'),
          { extensions: { improvementActionStatus: action.status, allowed } },
        );
      }
      const next = await work(action, unitOfWork);
      return { ...next, caseIds: await this.actions.caseIds(unitOfWork.manager, id) };
    });
  }
}

function notFound(id: string): CaseError {
  return new CaseError(CaseErrorCode.IMPROVEMENT_ACTION_NOT_FOUND, `no improvement action ${id}`);
}
