import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InfrastructureOutages } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { PromoterFollowUpProcessor } from './promoter-follow-up.processor';

/**
 * Polls for due promoter follow-ups every SCHEDULER_POLL_MS and works them off with PROMOTER_CONCURRENCY workers, like
 * SurveyScheduler. Safe with several workers and instances: each claims its row with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class PromoterFollowUpPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PromoterFollowUpPoller.name);
  private running = false;
  private loop?: Promise<void>;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly processor: PromoterFollowUpProcessor,
    private readonly env: SurveyDispatchEnv,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = Promise.all(Array.from({ length: this.env.PROMOTER_CONCURRENCY }, () => this.run())).then(
      () => undefined,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.sleepers.forEach((wake) => wake());
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // A database or Kafka outage ends the round quietly; the next poll retries (ADR 0014).
        await this.outages.guard('promoter follow-up poller', async () => {
          while (this.running && (await this.processor.processNext())) {
            // keep going while work is due
          }
        });
      } catch (error) {
        this.logger.error({
          msg: 'promoter follow-up poller failed; retrying after the poll interval',
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
