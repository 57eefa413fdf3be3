import { BaseEnv } from '@nps/config';

/** Configuration of scoring: classification and NPS analytics. */
export class ScoringEnv extends BaseEnv {
  override PORT: number = 3003;
}
