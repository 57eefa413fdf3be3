import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { RecoverySurveyProcessor } from './recovery-survey.processor';

/** Polls for recovery re-surveys whose delay has passed (SCHEDULER_POLL_MS), one worker per instance. */
@Injectable()
export class RecoveryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RecoveryScheduler.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly processor: RecoverySurveyProcessor,
    private readonly env: SurveyDispatchEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // An outage ends the round quietly; the next poll retries (ADR 0014).
        await this.outages.guard('recovery scheduler', async () => {
          while (this.running && (await this.processor.processNext())) {
            // keep going while re-surveys are due
          }
        });
      } catch (error) {
        this.logger.error({ msg: 'recovery scheduler failed; retrying', error: (error as Error).message });
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.env.SCHEDULER_POLL_MS).unref();
      });
    }
  }
}
