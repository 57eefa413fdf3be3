import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CaseUpdateKind, type ResponseRevised, type ResponseTagged, TagPolarity, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { CaseEvents } from '../cases/case.events';
import type { CaseRecord } from '../cases/case.record';
import { CaseRepository } from '../cases/case.repository';
import { ResponseEnrichmentRepository, type ResponseTags } from './response-enrichment.repository';

/** Tags and revised comments reach the case whether they arrive before or after it is opened. */
@Injectable()
export class CaseEnrichmentService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly enrichments: ResponseEnrichmentRepository,
  ) {}

  /**
   * Keeps the root causes of taggings, all in one transaction (a batch): their tags saved in one
   * statement, their cases read in one query, and the cases whose tags came or changed updated in one.
   */
  async tagged(taggings: Array<{ event: ResponseTagged; unitOfWork: UnitOfWork }>): Promise<void> {
    const { manager } = taggings[0].unitOfWork;
    // Praise is not a root cause to follow up.
    const tagsOf = (event: ResponseTagged) =>
      [...new Set(event.tags.filter((tag) => tag.polarity !== TagPolarity.POSITIVE).map((tag) => tag.tagId))].sort();
    // Per response, the tagging the database would keep had they been saved one after another.
    const newest = new Map<string, ResponseTags>();
    for (const { event } of taggings) {
      const kept = newest.get(event.responseId);
      if (kept && event.revision < kept.revision) continue;
      const { responseId, customerId, revision, language } = event;
      newest.set(responseId, { responseId, customerId, tagIds: tagsOf(event), revision, language });
    }
    await this.enrichments.lockResponses(manager, [...newest.keys()]);
    await this.enrichments.saveTags(manager, [...newest.values()]);
    const cases = await this.cases.findByResponses(manager, [...newest.keys()], true);
    // Each case as its last tagging in the batch leaves it, and every change on the way.
    const updates = new Map<string, CaseRecord>();
    const changes: { caseId: string; detail: object }[] = [];
    for (const { event, unitOfWork } of taggings) {
      const existing = cases.get(event.responseId);
      if (!existing || event.revision < existing.tagsRevision) continue;
      const tagIds = tagsOf(event);
      const changed = tagIds.join() !== [...existing.tagIds].sort().join();
      const updated = { ...existing, tagIds, tagsRevision: event.revision };
      cases.set(event.responseId, updated);
      updates.set(updated.id, updated);
      if (!changed) continue;
      changes.push({ caseId: existing.id, detail: { tagIds, previous: existing.tagIds, revision: event.revision } });
      unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(updated, CaseUpdateKind.TAGS_CHANGED, '', ''));
    }
    await this.cases.saveTags(manager, [...updates.values()], changes);
  }

  async revised(event: ResponseRevised, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
    await this.enrichments.lockResponses(manager, [event.responseId]);
    await this.enrichments.saveComment(manager, event.responseId, event.customerId, event.comment, event.revision);
    const existing = await this.cases.findByResponse(manager, event.responseId, true);
    if (!existing || event.revision < existing.revision || event.comment === existing.comment || !event.comment) return;
    const updated = { ...existing, comment: event.comment };
    await this.cases.save(manager, updated);
    const revisedAt = event.revisedAt ? `, ${timestampDate(event.revisedAt).toISOString()}` : '';
    const note = `The customer changed the comment (revision ${event.revision}${revisedAt}).`;
    await this.cases.addActivity(manager, existing.id, '', 'comment_revised', {
      revision: event.revision,
      comment: event.comment,
      previous: existing.comment,
    });
    unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(updated, CaseUpdateKind.RESPONSE_REVISED, note, ''));
  }
}
