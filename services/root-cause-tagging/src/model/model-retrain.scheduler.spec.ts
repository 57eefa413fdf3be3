import { SchedulerRegistry } from '@nestjs/schedule';
import { InfrastructureOutages } from '@nps/messaging';
import { expectEventually } from '@nps/testing';
import { RootCauseTaggingEnv } from '../root-cause-tagging.env';
import { ModelRetrainScheduler } from './model-retrain.scheduler';
import type { ModelTrainingService } from './model-training.service';

describe('ModelRetrainScheduler', () => {
  const registry = new SchedulerRegistry();
  afterEach(() => registry.getIntervals().forEach((name) => registry.deleteInterval(name)));

  const schedulerWith = (intervalMs: number, hasNewExamples: boolean) => {
    const env = Object.assign(new RootCauseTaggingEnv(), { MODEL_RETRAIN_INTERVAL_MS: intervalMs });
    const training = { hasNewExamples: jest.fn(async () => hasNewExamples), retrain: jest.fn(async () => ({})) };
    const outages = new InfrastructureOutages();
    const scheduler = new ModelRetrainScheduler(env, training as unknown as ModelTrainingService, registry, outages);
    return { scheduler, training };
  };

  it('retrains on its interval when new confirmed root causes arrived', async () => {
    const { scheduler, training } = schedulerWith(20, true);
    scheduler.onApplicationBootstrap();
    await expectEventually(() => expect(training.retrain).toHaveBeenCalledWith('scheduled'), {
      timeoutMs: 2000,
      intervalMs: 10,
    });
  });

  it('skips the retrain when nothing new was confirmed', async () => {
    const { scheduler, training } = schedulerWith(20, false);
    scheduler.onApplicationBootstrap();
    await expectEventually(() => expect(training.hasNewExamples.mock.calls.length).toBeGreaterThanOrEqual(2), {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    expect(training.retrain).not.toHaveBeenCalled();
  });

  it('schedules nothing when MODEL_RETRAIN_INTERVAL_MS is 0', () => {
    schedulerWith(0, true).scheduler.onApplicationBootstrap();
    expect(registry.getIntervals()).toEqual([]);
  });
});
