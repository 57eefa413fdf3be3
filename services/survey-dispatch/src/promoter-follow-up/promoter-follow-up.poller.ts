import { Injectable } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { PromoterFollowUpProcessor } from './promoter-follow-up.processor';

/**
 * Polls for due promoter follow-ups every SCHEDULER_POLL_MS and works them off with PROMOTER_CONCURRENCY workers. Safe
 * with several workers and instances: each claims its row with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class PromoterFollowUpPoller extends DueWorkPoller {
  constructor(processor: PromoterFollowUpProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'promoter follow-up poller',
      workers: env.PROMOTER_CONCURRENCY,
      pollMs: env.SCHEDULER_POLL_MS,
      processNext: () => processor.processNext(),
    });
  }
}
