import { Injectable } from '@nestjs/common';
import type { ResponseReceived, ResponseRevised } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import { Topics } from '@nps/contracts';
import { TaggedCommentRepository } from './tagged-comment.repository';
import type { TaggedCommentRecord } from './tagged-comment.record';
import { TaggerRegistry } from './tagger.registry';
import { responseTaggedEvent } from './response-tagged.mapper';

type CommentToTag = Omit<TaggedCommentRecord, 'language' | 'result' | 'taxonomyVersion' | 'modelVersion' | 'taggedAt'>;

const RETAG_BATCH = 200;

/** Tags comments as responses arrive or change, and re-tags stored ones with new versions. */
@Injectable()
export class CommentTaggingService {
  constructor(
    private readonly registry: TaggerRegistry,
    private readonly comments: TaggedCommentRepository,
    private readonly transactions: EventTransactions,
    private readonly fields: PersonalFields,
  ) {}

  /**
   * Tags received answers, all in one transaction: whether they are stored already read in one
   * query, the new tagged comments saved in one statement.
   */
  async tagReceived(answers: Array<{ event: ResponseReceived; unitOfWork: UnitOfWork }>): Promise<void> {
    const { manager } = answers[0].unitOfWork;
    // A revision that overtook the original (they travel on different topics) already holds the newer comment.
    const stored = await this.comments.stored(
      manager,
      answers.map(({ event }) => event.responseId),
    );
    const tagged = new Map<string, TaggedCommentRecord>();
    for (const { event, unitOfWork } of answers) {
      if (stored.has(event.responseId) || tagged.has(event.responseId)) continue;
      const comment = {
        responseId: event.responseId,
        customerId: event.customerId,
        revision: 0,
        comment: event.comment,
        surveyLanguage: event.language,
        score: event.score,
      };
      tagged.set(event.responseId, await this.tagAndPublish(unitOfWork, comment));
    }
    await this.comments.save(manager, [...tagged.values()]);
  }

  async tagRevised(event: ResponseRevised, unitOfWork: UnitOfWork): Promise<void> {
    const known = await this.comments.find(unitOfWork.manager, event.responseId);
    if (known && known.revision >= event.revision) return;
    const revision = {
      responseId: event.responseId,
      customerId: event.customerId,
      revision: event.revision,
      comment: event.comment,
      surveyLanguage: known?.surveyLanguage ?? '',
      score: event.score,
    };
    if (known && known.comment === event.comment) {
      // Only the score changed: the tags stand, no new event.
      await this.comments.save(unitOfWork.manager, [{ ...known, revision: event.revision, score: event.score }]);
      return;
    }
    await this.comments.save(unitOfWork.manager, [await this.tagAndPublish(unitOfWork, revision)]);
  }

  /** Re-tags every stored comment tagged with an older taxonomy or model; returns how many. */
  async retagAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(async (unitOfWork) => {
        const { taxonomyVersion, modelVersion } = this.registry.current();
        const stale = await this.comments.taggedWithOtherVersions(
          unitOfWork.manager,
          taxonomyVersion,
          modelVersion,
          RETAG_BATCH,
        );
        const retagged: TaggedCommentRecord[] = [];
        for (const comment of stale) retagged.push(await this.tagAndPublish(unitOfWork, comment));
        await this.comments.save(unitOfWork.manager, retagged);
        return stale.length;
      });
      total += done;
      if (done < RETAG_BATCH) return total;
    }
  }

  /** Tags the comment and publishes `response tagged`; resolves with the record for the caller to save. */
  private async tagAndPublish(unitOfWork: UnitOfWork, comment: CommentToTag): Promise<TaggedCommentRecord> {
    const { tagger, taxonomyVersion, modelVersion } = this.registry.current();
    const result = tagger.tag({
      text: comment.comment,
      score: comment.score ?? undefined,
      languageHint: comment.surveyLanguage,
    });
    // The span's words are the customer's: encrypted like the comment they come from (docs/privacy.md).
    const tags = await Promise.all(
      result.tags.map(async (tag) => ({
        ...tag,
        span: { ...tag.span, text: await this.fields.encrypt(comment.customerId, tag.span.text) },
      })),
    );
    unitOfWork.publish(
      Topics.ResponseTagged,
      responseTaggedEvent(comment, { ...result, tags }, { taxonomy: taxonomyVersion, model: modelVersion }),
    );
    return {
      responseId: comment.responseId,
      customerId: comment.customerId,
      revision: comment.revision,
      comment: comment.comment,
      surveyLanguage: comment.surveyLanguage,
      score: comment.score,
      language: result.language,
      result,
      taxonomyVersion,
      modelVersion,
      taggedAt: new Date(),
    };
  }
}
