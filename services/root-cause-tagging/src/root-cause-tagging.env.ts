import { BaseEnv } from '@nps/config';
import { WithPrivacySettings } from '@nps/privacy';
import { IsInt, Max, Min } from 'class-validator';

/** Configuration of root-cause-tagging: comment language, sentiment and tags. */
export class RootCauseTaggingEnv extends WithPrivacySettings(BaseEnv) {
  override PORT: number = 3004;

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
