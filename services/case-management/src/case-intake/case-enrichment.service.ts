import { Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CaseUpdateKind, type ResponseRevised, type ResponseTagged, TagPolarity, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { CaseEvents } from '../cases/case.events';
import { CaseRepository } from '../cases/case.repository';
import { ResponseEnrichmentRepository } from './response-enrichment.repository';

/** Tags and revised comments reach the case whether they arrive before or after it is opened. */
@Injectable()
export class CaseEnrichmentService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly enrichments: ResponseEnrichmentRepository,
  ) {}

  async tagged(event: ResponseTagged, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
    // Praise is not a root cause to follow up.
    const tagIds = [
      ...new Set(event.tags.filter((tag) => tag.polarity !== TagPolarity.POSITIVE).map((tag) => tag.tagId)),
    ].sort();
    await this.enrichments.saveTags(
      manager,
      event.responseId,
      event.customerId,
      tagIds,
      event.revision,
      event.language,
    );
    const existing = await this.cases.findByResponse(manager, event.responseId, true);
    if (!existing || event.revision < existing.tagsRevision) return;
    const changed = tagIds.join() !== [...existing.tagIds].sort().join();
    const updated = { ...existing, tagIds, tagsRevision: event.revision };
    await this.cases.save(manager, updated);
    if (!changed) return;
    await this.cases.addActivity(manager, existing.id, '', 'tags_changed', {
      tagIds,
      previous: existing.tagIds,
      revision: event.revision,
    });
    unitOfWork.publish(Topics.CaseUpdated, CaseEvents.updated(updated, CaseUpdateKind.TAGS_CHANGED, '', ''));
  }

  async revised(event: ResponseRevised, unitOfWork: UnitOfWork): Promise<void> {
    const { manager } = unitOfWork;
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
