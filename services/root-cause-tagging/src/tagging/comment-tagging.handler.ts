import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { isNpsScore, type ResponseReceived, type ResponseRevised, Topics } from '@nps/contracts';
import { BATCH_HANDLER, type EventBatch, type EventContext, RejectedEventError } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import { CommentTaggingService } from './comment-tagging.service';

/**
 * Tags the comment of every new or revised response and publishes `response tagged` through the outbox. An erased
 * customer's comment is tagged as no comment, never dead-lettered (docs/adr/0037).
 */
@Controller()
export class CommentTaggingHandler {
  constructor(
    private readonly tagging: CommentTaggingService,
    private readonly fields: PersonalFields,
  ) {}

  /**
   * A batch handler: a batch's customers' keys are read in one query, its answers looked up in one and its
   * tagged comments saved in one.
   */
  @EventPattern(Topics.ResponseReceived.name, BATCH_HANDLER)
  async received(@Payload() batch: EventBatch<ResponseReceived>): Promise<void> {
    for (const { event } of batch) checkScore(event.score);
    const comments = await this.fields.decryptTexts(
      batch.map(({ event }) => ({ customerId: event.customerId, value: event.comment })),
    );
    await this.tagging.tagReceived(
      batch.map(({ event, context }, i) => ({
        event: { ...event, comment: comments[i] },
        unitOfWork: context.unitOfWork,
      })),
    );
  }

  @EventPattern(Topics.ResponseRevised.name)
  async revised(@Payload() event: ResponseRevised, @Ctx() context: EventContext): Promise<void> {
    checkScore(event.score);
    await this.tagging.tagRevised(
      { ...event, comment: await this.fields.decryptText(event.customerId, event.comment) },
      context.unitOfWork,
    );
  }
}

/** A score outside 0–10 breaks the contract: no retry fixes it, so straight to the dead-letter topic. */
function checkScore(score: number): void {
  if (!isNpsScore(score)) throw new RejectedEventError(`score ${score} is not a whole number from 0 to 10`);
}
