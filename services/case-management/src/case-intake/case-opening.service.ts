import { Injectable } from '@nestjs/common';
import { CaseUpdateKind, channelName, type DetractorIdentified, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { TransactionCache } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { CaseManagementEnv } from '../case-management.env';
import { CaseOpeningPolicyService } from '../case-opening-policy/case-opening-policy.service';
import { caseIdFor } from '../cases/case-id';
import { CaseEvents } from '../cases/case.events';
import type { CaseRecord } from '../cases/case.record';
import { CaseRepository } from '../cases/case.repository';
import { type CustomerFactsRow, CustomerRepository } from '../customers/customer.repository';
import type { RoutingRule } from '../routing/routing-rule';
import { RoutingRuleRepository } from '../routing/routing-rule.repository';
import { RuleMatcher } from '../routing/rule.matcher';
import { priorityFor } from '../sla/priority';
import { SlaClock } from '../sla/sla.clock';
import type { Team } from '../teams/team';
import { TeamRepository } from '../teams/team.repository';
import { CaseAssigner } from './case.assigner';
import { type ResponseEnrichment, ResponseEnrichmentRepository } from './response-enrichment.repository';

/** A detractor to decide, with the unit of work of its record. */
export interface Detractor {
  event: DetractorIdentified;
  unitOfWork: UnitOfWork;
}

/**
 * What deciding a batch of detractors reads, read once for the batch; kept current as its records
 * open, revise and skip, so that a later revision of the same answer in the batch sees them.
 */
interface BatchReads {
  cases: Map<string, CaseRecord>;
  skipped: Set<string>;
  enrichments: Map<string, ResponseEnrichment>;
  customers: Map<string, CustomerFactsRow>;
}

/**
 * `detractor identified` → exactly one case per response, routed and assigned inside the
 * consumer's transaction; later revisions of the same response update that case.
 */
@Injectable()
export class CaseOpeningService {
  /** Read once per transaction, so once per batch of detractors (docs/adr/0039-batch-consumer.md). */
  private readonly rulesRead = new TransactionCache<'rules', RoutingRule[]>();
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

  /**
   * Decides a batch of detractors in order, with what they need read once for the whole batch, and inserts the
   * cases it opens in one statement.
   */
  async handle(detractors: Detractor[]): Promise<void> {
    if (detractors.length === 0) return;
    const { manager } = detractors[0].unitOfWork;
    const reads = await this.readAhead(
      manager,
      detractors.map(({ event }) => event),
    );
    const opened: CaseRecord[] = [];
    for (const { event, unitOfWork } of detractors) await this.decide(event, unitOfWork, reads, opened);
    await this.insertOpened(manager, opened);
  }

  private async decide(
    event: DetractorIdentified,
    unitOfWork: UnitOfWork,
    reads: BatchReads,
    opened: CaseRecord[],
  ): Promise<void> {
    const existing = reads.cases.get(event.responseId);
    if (existing)
      return this.assigner.whenAssigned(unitOfWork.manager, existing, async (assigned) => {
        const revised = await this.revise(assigned, event, unitOfWork);
        if (revised) reads.cases.set(event.responseId, revised);
      });
    if (event.withdrawn) return; // the answer is no longer a detractor and no case was opened for it
    // Old, imported, excluded or held-out detractors open no case (ADR 0030); the holdout records its routed team.
    const routedTeam = async () => this.route(event, reads, await this.routingRules(unitOfWork)).choice.teamId;
    if (await this.policy.skipped(event, unitOfWork, reads.skipped, routedTeam)) return;
    const record = await this.open(event, unitOfWork, reads);
    reads.cases.set(event.responseId, record);
    opened.push(record);
  }

  /**
   * The batch's new cases, in one statement. The batch holds its responses' locks since before it read their cases
   * (readAhead), so no other transaction can have opened one; if one did, the handler fails, and its records run again
   * and read that case as any other.
   */
  private async insertOpened(manager: EntityManager, opened: CaseRecord[]): Promise<void> {
    const inserted = await this.cases.insertMany(manager, opened);
    const taken = opened.filter((record) => !inserted.has(record.responseId)).map((record) => record.responseId);
    if (taken.length > 0) throw new Error(`another transaction opened the cases of responses ${taken.join(', ')}`);
  }

  /**
   * One query each for the batch's cases (locked, in response order), skips, enrichments and
   * customers (routing completes facts scoring did not send; account risk reads the account).
   */
  private async readAhead(manager: EntityManager, events: DetractorIdentified[]): Promise<BatchReads> {
    const responseIds = [...new Set(events.map((event) => event.responseId))];
    const customerIds = [...new Set(events.map((event) => event.customerId))];
    await this.enrichments.lockResponses(manager, responseIds);
    return {
      cases: await this.cases.findByResponses(manager, responseIds, true),
      skipped: await this.policy.skippedAmong(manager, responseIds),
      enrichments: await this.enrichments.findMany(manager, responseIds),
      customers: await this.customers.findMany(manager, customerIds),
    };
  }

  /** The case opened for the detractor, to insert with the batch's others (insertOpened), and its assignment queued. */
  private async open(event: DetractorIdentified, unitOfWork: UnitOfWork, reads: BatchReads): Promise<CaseRecord> {
    const { manager } = unitOfWork;
    const { facts, enrichment, tagIds, choice } = this.route(event, reads, await this.routingRules(unitOfWork));
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
    // Inserted unassigned with the batch's other new cases; the owner is picked under the team's lock at the end of
    // the transaction (case.assigner.ts).
    this.assigner.assignLater({
      unitOfWork,
      record,
      team,
      accountOwnerId,
      event,
      customer: reads.customers.get(event.customerId) ?? null,
    });
    return record;
  }

  /** A newer revision: a new detractor score and comment, or a note when it is no longer a detractor. */
  private async revise(
    existing: CaseRecord,
    event: DetractorIdentified,
    unitOfWork: UnitOfWork,
  ): Promise<CaseRecord | undefined> {
    // The same or an older revision, e.g. a re-published event.
    if (event.revision <= existing.revision) return undefined;
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
      return revised;
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
    return revised;
  }

  /** The routing rule's choice for the detractor, with the facts and enrichment it was made on. */
  private route(event: DetractorIdentified, reads: BatchReads, rules: RoutingRule[]) {
    const facts = customerFacts(event, completeFacts(event) ? undefined : reads.customers.get(event.customerId));
    const enrichment = reads.enrichments.get(event.responseId) ?? null;
    const tagIds = enrichment?.tagIds ?? [];
    const choice = RuleMatcher.choose(
      { ...facts, touchpointType: event.touchpointType, score: event.score, tagIds },
      rules,
      this.env.DEFAULT_TEAM_ID,
    );
    return { facts, enrichment, tagIds, choice };
  }

  private routingRules({ manager }: UnitOfWork): Promise<RoutingRule[]> {
    return this.rulesRead.get(manager, 'rules', () => this.rules.list(manager));
  }

  private async mustFindDefaultTeam(unitOfWork: UnitOfWork): Promise<Team> {
    const team = await this.teams.find(unitOfWork.manager, this.env.DEFAULT_TEAM_ID);
    if (!team) throw new Error(`the default team ${this.env.DEFAULT_TEAM_ID} does not exist`);
    return team;
  }
}

/** Scoring sent every fact routing uses: the customer projection need not be read. */
function completeFacts({ customer }: DetractorIdentified): boolean {
  return Boolean(customer && customer.segment && customer.region && customer.tier && customer.language);
}

/** The facts scoring sent, completed from our customer projection when scoring did not know the customer yet. */
function customerFacts(event: DetractorIdentified, known: CustomerFactsRow | undefined) {
  const sent = event.customer;
  return {
    segment: sent?.segment || known?.segment || '',
    region: sent?.region || known?.region || '',
    tier: sent?.tier || known?.tier || '',
    language: sent?.language || known?.language || '',
    accountOwnerId: sent?.accountOwnerId || known?.accountOwnerId || '',
  };
}
