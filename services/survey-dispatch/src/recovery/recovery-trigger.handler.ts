import { Injectable } from '@nestjs/common';
import { ContactPolicy } from '../contact-policy/contact-policy';
import { contactPolicyRulesFrom } from '../contact-policy/contact-policy.rules';
import { CustomerRepository } from '../customers/customer.repository';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { SurveyTriggerHandler } from '../triggers/survey-trigger.handler';
import { recoveryContactRules } from './recovery-contact.rules';

/** The trigger path of every survey (policy → request or suppression), under the recovery contact rules. */
@Injectable()
export class RecoveryTriggerHandler extends SurveyTriggerHandler {
  constructor(
    env: SurveyDispatchEnv,
    requests: SurveyRequestRepository,
    customers: CustomerRepository,
    suppressions: SuppressionRepository,
    optOuts: CustomerOptOutRepository,
    erased: ErasedCustomerRepository,
  ) {
    const policy = new ContactPolicy(recoveryContactRules(contactPolicyRulesFrom(env)));
    super(policy, env, requests, customers, suppressions, optOuts, erased);
  }
}
