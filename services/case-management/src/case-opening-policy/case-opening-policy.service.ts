import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CaseSkipReason, channelName, type DetractorIdentified, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { TransactionCache } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { countCaseSkipped } from '../metrics/case.metrics';
import { sourceName } from './case-opening-policy';
import { CaseOpeningPolicyRepository } from './case-opening-policy.repository';
import { CaseOpeningDecider } from './case-opening.decider';
import { caseSkipped } from './case-skip.events';
import { CaseSkipRepository } from './case-skip.repository';

/**
 * Applies the case-opening policy to a detractor that has no case yet (docs/adr/0030). A skip is
 * recorded once per response, with its `case skipped` event in the same transaction; a later
 * revision of a skipped detractor stays skipped and publishes nothing.
 */
@Injectable()
export class CaseOpeningPolicyService {
  /** Read once per transaction: a batch of detractors is decided under one policy. */
  private readonly current = new TransactionCache<
    'policy',
    Awaited<ReturnType<CaseOpeningPolicyRepository['current']>>
  >();

  constructor(
    private readonly policies: CaseOpeningPolicyRepository,
    private readonly skips: CaseSkipRepository,
  ) {}

  /** Which of the responses were skipped already: the `skipped` set to decide a batch of detractors with. */
  skippedAmong(manager: EntityManager, responseIds: string[]): Promise<Set<string>> {
    return this.skips.skippedAmong(manager, responseIds);
  }

  /**
   * True when no case is to be opened. `skipped` holds the responses skipped already (skippedAmong) and
   * gains this one when it is skipped now; `routedTeam` is asked only for the holdout, which records that team.
   */
  async skipped(
    event: DetractorIdentified,
    unitOfWork: UnitOfWork,
    skipped: Set<string>,
    routedTeam: () => Promise<string>,
  ): Promise<boolean> {
    const { manager } = unitOfWork;
    if (skipped.has(event.responseId)) return true;
    const policy = await this.current.get(manager, 'policy', () => this.policies.current(manager));
    const now = new Date();
    const decision = CaseOpeningDecider.decide(event, policy, now);
    if (decision.open) return false;
    const skip = {
      responseId: event.responseId,
      customerId: event.customerId,
      reason: CaseSkipReason[decision.reason],
      detail: decision.detail,
      policyVersion: policy.version,
      teamId: decision.reason === CaseSkipReason.HOLDOUT ? await routedTeam() : '',
      score: event.score,
      answeredAt: event.answeredAt ? timestampDate(event.answeredAt) : null,
      touchpointType: event.touchpointType,
      source: sourceName(event.source) ?? '',
      channel: channelName(event.channel) ?? '',
    };
    skipped.add(event.responseId);
    if (!(await this.skips.insert(manager, skip))) return true;
    unitOfWork.publish(Topics.CaseSkipped, caseSkipped(skip, decision.reason, now));
    unitOfWork.onCommitted(() => countCaseSkipped(skip.reason));
    return true;
  }
}
