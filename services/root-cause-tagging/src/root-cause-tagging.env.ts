import { BaseEnv } from '@nps/config';

/** Configuration of root-cause-tagging: comment language, sentiment and tags. */
export class RootCauseTaggingEnv extends BaseEnv {
  override PORT: number = 3004;
}
