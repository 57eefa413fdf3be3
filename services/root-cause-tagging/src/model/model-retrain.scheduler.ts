import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InfrastructureOutages } from '@nps/messaging';
import { RootCauseTaggingEnv } from '../root-cause-tagging.env';
import { ModelTrainingService } from './model-training.service';

/** Retrains every MODEL_RETRAIN_INTERVAL_MS when there are new confirmed root causes (0: never). */
@Injectable()
export class ModelRetrainScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelRetrainScheduler.name);
  private running = false;

  constructor(
    private readonly env: RootCauseTaggingEnv,
    private readonly training: ModelTrainingService,
    private readonly scheduler: SchedulerRegistry,
    private readonly outages: InfrastructureOutages,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.MODEL_RETRAIN_INTERVAL_MS === 0) return;
    const timer = setInterval(() => void this.tick(), this.env.MODEL_RETRAIN_INTERVAL_MS);
    timer.unref();
    this.scheduler.addInterval('model-retrain', timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.outages.guard('model retrain', async () => {
        if (await this.training.hasNewExamples()) await this.training.retrain('scheduled');
      });
    } catch (error) {
      this.logger.error(`scheduled retrain failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
