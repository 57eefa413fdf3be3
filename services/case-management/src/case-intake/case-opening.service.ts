import { Injectable } from '@nestjs/common';
import { CaseUpdateKind, channelName, type DetractorIdentified, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { TransactionCache } from '@nps/persistence';
import { CaseManagementEnv } from '../case-management.env';
import { CaseOpeningPolicyService } from '../case-opening-policy/case-opening-policy.service';
import { caseIdFor } from '../cases/case-id';
import { CaseEvents } from '../cases/case.events';
import type { CaseRecord } from '../cases/case.record';
import { CaseRepository } from '../cases/case.repository';
import { CustomerRepository } from '../customers/customer.repository';
import { RoutingRuleRepository } from '../routing/routing-rule.repository';
import { RuleMatcher } from '../routing/rule.matcher';
import { priorityFor } from '../sla/priority';
import { SlaClock } from '../sla/sla.clock';
import type { Team } from '../teams/team';
import { TeamRepository } from '../teams/team.repository';
import { CaseAssigner } from './case.assigner';
import { ResponseEnrichmentRepository } from './response-enrichment.repository';

/**
 * `detractor identified` → exactly one case per response, routed and assigned inside the
 * consumer's transaction; later revisions of the same response update that case.
 */
@Injectable()
export class CaseOpeningService {
  /** Read once per transaction, so once per batch of detractors (docs/adr/0039-batch-consumer.md). */
  private readonly rulesRead = new TransactionCache<'rules', Awaited<ReturnType<RoutingRuleRepository['list']>>>();
  private readonly teamsRead = new TransactionCache<string, Team | null>();

  constructor(
    private readonly cases: CaseRepository,
    private readonly teams: TeamRepository,
    private readonly rules: RoutingRuleRepository,
    private readonly customers: CustomerRepository,
    private readonly enrichments: ResponseEnrichmentRepository,
    private readonly sla: SlaClock,
    private readonly env: CaseManagementEnv,
    private readonly policy: CaseOpeningPolicyService,
    private readonly assigner: CaseAssigner,
  ) {}

  async handle(event: DetractorIdentified, unitOfWork: UnitOfWork): Promise<void> {
    const existing = await this.cases.findByResponse(unitOfWork.manager, event.responseId, true);
    if (existing)
      return this.assigner.whenAssigned(unitOfWork.manager, existing, (assigned) =>
        this.revise(assigned, event, unitOfWork),
      );
    if (event.withdrawn) return; // the answer is no longer a detractor and no case was opened for it
    // Old, imported, excluded or held-out detractors open no case (ADR 0030); the holdout records its routed team.
    if (await this.policy.skipped(event, unitOfWork, async () => (await this.route(event, unitOfWork)).choice.teamId))
      return;
    await this.open(event, unitOfWork);
  }

  private async open(event: DetractorIdentified, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
    const { facts, enrichment, tagIds, choice } = await this.route(event, unitOfWork);
    const team =
      (await this.teamsRead.get(manager, choice.teamId, () => this.teams.find(manager, choice.teamId))) ??
      (await this.mustFindDefaultTeam(unitOfWork));
    const priority = priorityFor(event.score, facts.tier, choice.rule?.priority ?? null);
    const openedAt = new Date();
    const { accountOwnerId, ...routingFacts } = facts;
    const record: CaseRecord = {
      id: caseIdFor(event.responseId),
      responseId: event.responseId,
      customerId: event.customerId,
      teamId: team.id,
      ownerId: null,
      status: 'open',
      priority,
      score: event.score,
      comment:
        enrichment && enrichment.comment !== null && enrichment.commentRevision > event.revision
          ? enrichment.comment
          : event.comment,
      revision: event.revision,
      touchpointId: event.touchpointId,
      touchpointType: event.touchpointType,
      channel: channelName(event.channel) ?? 'unspecified',
      tagIds,
      tagsRevision: enrichment?.tagsRevision ?? -1,
      ...routingFacts,
      ruleId: choice.rule?.id ?? null,
      assignmentReason: 'no_member_available',
      assignmentDetail: 'not assigned yet',
      ...(await this.sla.deadlines(manager, openedAt, priority, team.calendar)),
      firstContactedAt: null,
      resolvedAt: null,
      closedAt: null,
      rootCauseTagId: null,
      outcome: null,
      escalationLevel: 0,
      openedAt,
      updatedAt: openedAt,
    };
    // Inserted unassigned; the owner is picked under the team's lock at the end of the transaction (case.assigner.ts).
    if (!(await this.cases.insert(manager, record))) return; // another event for the same response opened it
    this.assigner.assignLater({ unitOfWork, record, team, accountOwnerId, event });
  }

  /** A newer revision: a new detractor score and comment, or a note when it is no longer a detractor. */
  private async revise(existing: CaseRecord, event: DetractorIdentified, unitOfWork: UnitOfWork): Promise<void> {
    if (event.revision <= existing.revision) return; // the same or an older revision, e.g. a re-published event
    const { manager } = unitOfWork;
    const revised: CaseRecord = { ...existing, revision: event.revision };
    if (event.withdrawn) {
      const note =
        `The customer revised the score to ${event.score}: no longer a detractor. The case stays ` +
        `${existing.status.replace('_', ' ')} until its owner closes the loop.`;
      await this.cases.save(manager, revised);
      await this.cases.addActivity(manager, existing.id, '', 'note_added', {
        note,
        revision: event.revision,
        score: event.score,
      });
      unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(revised, CaseUpdateKind.NOTE_ADDED, note, ''));
      return;
    }
    revised.score = event.score;
    if (event.comment) revised.comment = event.comment;
    await this.cases.save(manager, revised);
    await this.cases.addActivity(manager, existing.id, '', 'response_revised', {
      revision: event.revision,
      score: event.score,
      previousScore: existing.score,
      comment: revised.comment,
    });
    unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(revised, CaseUpdateKind.RESPONSE_REVISED, '', ''));
  }

  /** The routing rule's choice for the detractor, with the facts and enrichment it was made on. */
  private async route(event: DetractorIdentified, unitOfWork: UnitOfWork) {
    const facts = await this.customerFacts(event, unitOfWork);
    const enrichment = await this.enrichments.find(unitOfWork.manager, event.responseId);
    const tagIds = enrichment?.tagIds ?? [];
    const choice = RuleMatcher.choose(
      { ...facts, touchpointType: event.touchpointType, score: event.score, tagIds },
      await this.rulesRead.get(unitOfWork.manager, 'rules', () => this.rules.list(unitOfWork.manager)),
      this.env.DEFAULT_TEAM_ID,
    );
    return { facts, enrichment, tagIds, choice };
  }

  /** The facts scoring sent, completed from our customer projection when scoring did not know the customer yet. */
  private async customerFacts(event: DetractorIdentified, unitOfWork: UnitOfWork) {
    const sent = event.customer;
    const complete = sent && sent.segment && sent.region && sent.tier && sent.language;
    const known = complete ? null : await this.customers.find(unitOfWork.manager, event.customerId);
    return {
      segment: sent?.segment || known?.segment || '',
      region: sent?.region || known?.region || '',
      tier: sent?.tier || known?.tier || '',
      language: sent?.language || known?.language || '',
      accountOwnerId: sent?.accountOwnerId || known?.accountOwnerId || '',
    };
  }

  private async mustFindDefaultTeam(unitOfWork: UnitOfWork): Promise<Team> {
    const team = await this.teams.find(unitOfWork.manager, this.env.DEFAULT_TEAM_ID);
    if (!team) throw new Error(`the default team ${this.env.DEFAULT_TEAM_ID} does not exist`);
    return team;
  }
}
