import type { ContactPolicyRules } from '../contact-policy/contact-policy.rules';

/** Touchpoint type of a recovery re-survey: its answers form their own segment in the NPS. */
export const RECOVERY_TOUCHPOINT_TYPE = 'recovery';

/**
 * The contact policy for a recovery re-survey: opt-outs, `never` attribute rules, the channel choice
 * and quiet hours hold as for any survey, but no frequency cap does. The customer was surveyed (and
 * followed up) shortly before by design, so every cap would suppress nearly every re-survey and leave
 * the measurement with only the customers we rarely hear from (ADR 0031).
 */
export function recoveryContactRules(rules: ContactPolicyRules): ContactPolicyRules {
  return {
    capDays: 0,
    capDaysPerType: new Map(),
    attributeRules: rules.attributeRules.filter((rule) => rule.effect === 'never'),
    quietHours: rules.quietHours,
  };
}
