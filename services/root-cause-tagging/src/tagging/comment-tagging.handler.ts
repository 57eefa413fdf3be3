import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ResponseReceived, type ResponseRevised, Topics } from '@nps/contracts';
import type { EventContext } from '@nps/messaging';
import { CommentTaggingService } from './comment-tagging.service';

/** Tags the comment of every new or revised response and publishes `response tagged` through the outbox. */
@Controller()
export class CommentTaggingHandler {
  constructor(private readonly tagging: CommentTaggingService) {}

  @EventPattern(Topics.ResponseReceived.name)
  async received(@Payload() event: ResponseReceived, @Ctx() context: EventContext): Promise<void> {
    await this.tagging.tagReceived(event, context.unitOfWork);
  }

  @EventPattern(Topics.ResponseRevised.name)
  async revised(@Payload() event: ResponseRevised, @Ctx() context: EventContext): Promise<void> {
    await this.tagging.tagRevised(event, context.unitOfWork);
  }
}
