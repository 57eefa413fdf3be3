import { Module } from '@nestjs/common';
import { OutboundModule } from '@nps/outbound';
import { CustomerRepository } from '../customers/customer.repository';
import { EmailSender } from '../delivery/email.sender';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { PromoterFollowUpPolicy } from './promoter-follow-up.decision';
import { PromoterFollowUpPoller } from './promoter-follow-up.poller';
import { PromoterFollowUpProcessor } from './promoter-follow-up.processor';
import { PromoterFollowUpRepository } from './promoter-follow-up.repository';
import { PromoterRetryPolicy } from './promoter-follow-up.retry';
import { PromoterFollowUpSender } from './promoter-follow-up.sender';
import { PromoterFollowUpService } from './promoter-follow-up.service';
import { ResponseScoredHandler } from './response-scored.handler';

/**
 * Promoters get the configured thank-you, referral or review invitation once per answer (PROMOTER_*): the consumer
 * decides and claims, the poller delivers.
 */
@Module({
  imports: [OutboundModule],
  controllers: [ResponseScoredHandler],
  providers: [
    {
      provide: PromoterFollowUpPolicy,
      inject: [SurveyDispatchEnv],
      useFactory: (env: SurveyDispatchEnv) =>
        new PromoterFollowUpPolicy({
          action: env.PROMOTER_ACTION,
          delivery: env.PROMOTER_DELIVERY,
          maxAgeDays: env.PROMOTER_MAX_AGE_DAYS,
          unknownCustomerHoldMs: env.UNKNOWN_CUSTOMER_HOLD_MS,
        }),
    },
    {
      provide: PromoterRetryPolicy,
      inject: [SurveyDispatchEnv],
      useFactory: (env: SurveyDispatchEnv) =>
        new PromoterRetryPolicy({
          backoffMs: env.SEND_RETRY_BACKOFF_MS,
          maxBackoffMs: env.PROMOTER_RETRY_MAX_BACKOFF_MS,
          maxInternalAttempts: env.SEND_MAX_ATTEMPTS,
        }),
    },
    PromoterFollowUpService,
    PromoterFollowUpProcessor,
    PromoterFollowUpPoller,
    PromoterFollowUpRepository,
    PromoterFollowUpSender,
    EmailSender,
    CustomerRepository,
    CustomerOptOutRepository,
  ],
})
export class PromoterFollowUpModule {}
