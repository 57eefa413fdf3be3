import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Topics, type SurveyExpired } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyRequestRepository } from './survey-request.repository';

/** survey-dispatch gave up on a survey: its link takes no first answer any more, whatever the token says. */
@Controller()
export class SurveyExpiryHandler {
  constructor(private readonly requests: SurveyRequestRepository) {}

  @EventPattern(Topics.SurveyExpired.name)
  async expire(@Payload() event: SurveyExpired, @Ctx() context: EventContext): Promise<void> {
    const at = event.occurredAt ? timestampDate(event.occurredAt) : new Date();
    await this.requests.markExpired(context.unitOfWork.manager, event.surveyRequestId, event.customerId, at);
  }
}
