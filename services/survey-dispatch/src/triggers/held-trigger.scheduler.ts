import { Injectable } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { HeldTriggerProcessor } from './held-trigger.processor';

/** Polls for held touchpoints whose customer was imported or whose hold ended (SCHEDULER_POLL_MS). */
@Injectable()
export class HeldTriggerScheduler extends DueWorkPoller {
  constructor(processor: HeldTriggerProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'held touchpoint scheduler',
      workers: 1,
      pollMs: env.SCHEDULER_POLL_MS,
      processNext: () => processor.processNext(),
    });
  }
}
