import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, type SurveyDispatched } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyRequestRepository } from './survey-request.repository';

/**
 * A recovery re-survey went out: its answer must say which detractor response it measures
 * (ResponseReceived.recovery_of_response_id). Other surveys need nothing the token does not carry.
 */
@Controller()
export class SurveyDispatchedHandler {
  constructor(private readonly requests: SurveyRequestRepository) {}

  @EventPattern(Topics.SurveyDispatched.name)
  async dispatched(@Payload() event: SurveyDispatched, @Ctx() context: EventContext): Promise<void> {
    if (!event.recoveryOfResponseId) return;
    await this.requests.markRecovery(
      context.unitOfWork.manager,
      event.surveyRequestId,
      event.customerId,
      event.recoveryOfResponseId,
    );
  }
}
