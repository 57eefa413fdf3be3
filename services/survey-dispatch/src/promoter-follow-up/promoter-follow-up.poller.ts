import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { PromoterFollowUpProcessor } from './promoter-follow-up.processor';

/**
 * Polls for due promoter follow-ups every SCHEDULER_POLL_MS and works them off with PROMOTER_CONCURRENCY workers. Safe
 * with several workers and instances: each claims its row with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class PromoterFollowUpPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly poller: DueWorkPoller;

  constructor(processor: PromoterFollowUpProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    this.poller = new DueWorkPoller(outages, {
      name: 'promoter follow-up poller',
      workers: env.PROMOTER_CONCURRENCY,
      pollMs: env.SCHEDULER_POLL_MS,
      processNext: () => processor.processNext(),
    });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}
