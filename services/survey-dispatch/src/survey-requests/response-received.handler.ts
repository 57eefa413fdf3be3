import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Topics, type ResponseReceived } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyRequestRepository } from './survey-request.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An answer closes its survey request: no reminder, no expiry after it. */
@Controller()
export class ResponseReceivedHandler {
  constructor(private readonly requests: SurveyRequestRepository) {}

  @EventPattern(Topics.ResponseReceived.name)
  async onResponse(@Payload() event: ResponseReceived, @Ctx() context: EventContext): Promise<void> {
    // API and import answers belong to no request of ours; ids are UUIDs (anything else is not ours either).
    if (!UUID.test(event.surveyRequestId)) return;
    const answeredAt = event.answeredAt ? timestampDate(event.answeredAt) : new Date();
    await this.requests.markAnswered(context.unitOfWork.manager, event.surveyRequestId, answeredAt);
  }
}
