import { BaseEnv } from '@nps/config';

/** Configuration of survey-dispatch: contacts, contact policy, survey sending. */
export class SurveyDispatchEnv extends BaseEnv {
  override PORT: number = 3001;
}
