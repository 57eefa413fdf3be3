import { Injectable } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { RecoverySurveyProcessor } from './recovery-survey.processor';

/** Polls for recovery re-surveys whose delay has passed (SCHEDULER_POLL_MS), one worker per instance. */
@Injectable()
export class RecoveryScheduler extends DueWorkPoller {
  constructor(processor: RecoverySurveyProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'recovery scheduler',
      workers: 1,
      pollMs: env.SCHEDULER_POLL_MS,
      processNext: () => processor.processNext(),
    });
  }
}
