import { Module } from '@nestjs/common';
import { OutboundModule } from '@nps/outbound';
import { CustomerRepository } from '../customers/customer.repository';
import { EmailSender } from '../delivery/email.sender';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { PromoterFollowUpPolicy } from './promoter-follow-up.decision';
import { PromoterFollowUpRepository } from './promoter-follow-up.repository';
import { PromoterFollowUpSender } from './promoter-follow-up.sender';
import { PromoterFollowUpService } from './promoter-follow-up.service';
import { ResponseScoredHandler } from './response-scored.handler';

/** Promoters get the configured thank-you, referral or review invitation once per answer (PROMOTER_*). */
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
        }),
    },
    PromoterFollowUpService,
    PromoterFollowUpRepository,
    PromoterFollowUpSender,
    EmailSender,
    CustomerRepository,
  ],
})
export class PromoterFollowUpModule {}
