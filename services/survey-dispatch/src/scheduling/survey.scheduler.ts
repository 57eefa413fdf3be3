import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { DueSurveyProcessor } from './due-survey.processor';

/**
 * Polls for due survey requests (sends, reminders, expiries) and works them off with
 * SEND_CONCURRENCY workers. Safe with several workers and instances: each claims its row with
 * FOR UPDATE SKIP LOCKED (ADR 0006).
 */
@Injectable()
export class SurveyScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SurveyScheduler.name);
  private running = false;
  private loop?: Promise<void>;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly processor: DueSurveyProcessor,
    private readonly env: SurveyDispatchEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = Promise.all(Array.from({ length: this.env.SEND_CONCURRENCY }, () => this.run())).then(() => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.sleepers.forEach((wake) => wake());
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // An outage ends the round quietly; the next poll retries (ADR 0014).
        await this.outages.guard('survey scheduler', async () => {
          while (this.running && (await this.processor.processNext())) {
            // keep going while work is due
          }
        });
      } catch (error) {
        this.logger.error({
          msg: 'survey scheduler failed; retrying after the poll interval',
          error: (error as Error).message,
        });
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.sleepers.delete(wake);
          resolve();
        };
        this.sleepers.add(wake);
        setTimeout(wake, this.env.SCHEDULER_POLL_MS).unref();
      });
    }
  }
}
