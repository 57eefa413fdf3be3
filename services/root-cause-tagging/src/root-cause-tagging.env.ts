import { BaseEnv } from '@nps/config';
import { WithPrivacySettings } from '@nps/privacy';
import { IsInt, Max, Min } from 'class-validator';

/** Configuration of root-cause-tagging: comment language, sentiment and tags. */
export class RootCauseTaggingEnv extends WithPrivacySettings(BaseEnv) {
  override PORT: number = 3004;

  /**
   * Batch mode by default (docs/adr/0039-batch-consumer.md). npm run bench:e2e, 20,000 imported
   * answers: every comment tagged after 59.5 s with batches of 32 against 174.7 s one record per
   * transaction, when tagging was the last of the loop to finish (issue #15).
   * Not 128 as scoring and case-management (ADR 0075): in a 100,000-answer run this service peaked at 259 MB with
   * 128, over issue #15's 250, and it is not the last of the loop to finish.
   */
  override CONSUMER_BATCH_SIZE: number = 32;

  /**
   * All partitions of a fetch at once, so that a topic's are applied in one transaction
   * (docs/adr/0047-partitions-applied-together.md).
   */
  override CONSUMER_PARTITIONS_CONCURRENTLY: number = 32;

  /** How often the model is retrained from confirmed root causes; 0 turns scheduled retraining off. */
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60 * 60 * 1000)
  MODEL_RETRAIN_INTERVAL_MS: number = 6 * 60 * 60 * 1000;

  /** How often an instance looks for taxonomy or model versions made by another instance. */
  @IsInt()
  @Min(500)
  @Max(10 * 60 * 1000)
  TAGGING_REFRESH_INTERVAL_MS: number = 5000;
}
