import type { Provider } from '@nestjs/common';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { ContactPolicy } from './contact-policy';
import { contactPolicyRulesFrom } from './contact-policy.rules';

/** The contact policy with the rules of this deployment (CONTACT_*, QUIET_HOURS). */
export const contactPolicyProvider: Provider = {
  provide: ContactPolicy,
  inject: [SurveyDispatchEnv],
  useFactory: (env: SurveyDispatchEnv) => new ContactPolicy(contactPolicyRulesFrom(env)),
};
