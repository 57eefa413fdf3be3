import { Module } from '@nestjs/common';
import { OutboundModule } from '@nps/outbound';
import { SurveyLinksModule } from '@nps/survey-links';
import { CustomerRepository } from '../customers/customer.repository';
import { ChannelSenders } from '../delivery/channel.senders';
import { EmailSender } from '../delivery/email.sender';
import { SmsSender } from '../delivery/sms.sender';
import { WebhookSender } from '../delivery/webhook.sender';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { ResponseReceivedHandler } from '../survey-requests/response-received.handler';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { SurveyRequestsController } from '../survey-requests/survey-requests.controller';
import { DueSurveyProcessor } from './due-survey.processor';
import { surveyLifecycleProvider } from './survey-lifecycle.provider';
import { SurveyScheduler } from './survey.scheduler';

/** Sends due surveys, reminds, expires; answers stop the reminders. */
@Module({
  imports: [SurveyLinksModule, OutboundModule],
  controllers: [ResponseReceivedHandler, SurveyRequestsController],
  providers: [
    EmailSender,
    SmsSender,
    WebhookSender,
    ChannelSenders,
    surveyLifecycleProvider,
    DueSurveyProcessor,
    SurveyScheduler,
    SurveyRequestRepository,
    CustomerRepository,
    CustomerOptOutRepository,
  ],
})
export class SchedulingModule {}
