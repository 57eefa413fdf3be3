import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { RecoverySurveyProcessor } from './recovery-survey.processor';

/** Polls for recovery re-surveys whose delay has passed (SCHEDULER_POLL_MS), one worker per instance. */
@Injectable()
export class RecoveryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly poller: DueWorkPoller;

  constructor(processor: RecoverySurveyProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    this.poller = new DueWorkPoller(outages, {
      name: 'recovery scheduler',
      workers: 1,
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
