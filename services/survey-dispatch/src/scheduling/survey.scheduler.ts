import { Injectable } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { DueSurveyProcessor } from './due-survey.processor';

/**
 * Polls for due survey requests (sends, reminders, expiries) and works them off with
 * SEND_CONCURRENCY workers. Safe with several workers and instances: each claims its row with
 * FOR UPDATE SKIP LOCKED (ADR 0006).
 */
@Injectable()
export class SurveyScheduler extends DueWorkPoller {
  constructor(processor: DueSurveyProcessor, env: SurveyDispatchEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'survey scheduler',
      workers: env.SEND_CONCURRENCY,
      pollMs: env.SCHEDULER_POLL_MS,
      processNext: () => processor.processNext(),
    });
  }
}
