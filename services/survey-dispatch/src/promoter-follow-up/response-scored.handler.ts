import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, type ResponseScored } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { PromoterFollowUpService } from './promoter-follow-up.service';

/** `response scored` → a promoter follow-up decided and claimed in the inbox transaction; the poller delivers it. */
@Controller()
export class ResponseScoredHandler {
  constructor(private readonly followUps: PromoterFollowUpService) {}

  @EventPattern(Topics.ResponseScored.name)
  async onScored(@Payload() event: ResponseScored, @Ctx() context: EventContext): Promise<void> {
    await this.followUps.handle(event, context.unitOfWork);
  }
}
