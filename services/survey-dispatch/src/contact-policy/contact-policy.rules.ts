import { parseQuietHours, type QuietHours } from './quiet-hours';

/** An attribute rule: triggers whose customer or touchpoint has `attribute = value` are never surveyed, or capped. */
export interface AttributeRule {
  subject: 'customer' | 'touchpoint';
  attribute: string;
  value: string;
  /** `never`, or a cap in days for matching triggers. */
  effect: 'never' | { capDays: number };
  text: string;
}

export interface ContactPolicyRules {
  /** Days within which a customer gets at most one survey of any type; 0: no cap. */
  capDays: number;
  capDaysPerType: ReadonlyMap<string, number>;
  attributeRules: readonly AttributeRule[];
  quietHours?: QuietHours;
}

export interface ContactPolicySettings {
  CONTACT_CAP_DAYS: number;
  CONTACT_CAP_PER_TYPE: string;
  CONTACT_ATTRIBUTE_RULES: string;
  QUIET_HOURS: string;
}

/** Turns the (already validated) policy variables into rules. */
export function contactPolicyRulesFrom(settings: ContactPolicySettings): ContactPolicyRules {
  return {
    capDays: settings.CONTACT_CAP_DAYS,
    capDaysPerType: new Map(
      listOf(settings.CONTACT_CAP_PER_TYPE).map((pair) => {
        const [type, days] = pair.split(':');
        return [type, Number(days)];
      }),
    ),
    attributeRules: listOf(settings.CONTACT_ATTRIBUTE_RULES).map(parseAttributeRule),
    quietHours: parseQuietHours(settings.QUIET_HOURS),
  };
}

function listOf(spec: string): string[] {
  return spec === 'none' ? [] : spec.split(',').filter(Boolean);
}

function parseAttributeRule(text: string): AttributeRule {
  const match = /^(customer|touchpoint)\.([A-Za-z0-9_-]+)=([^,:=]*):(never|(\d+)d)$/.exec(text);
  if (!match) throw new Error(`not an attribute rule: ${text}`);
  const [, subject, attribute, value, effect, days] = match;
  return {
    subject: subject as AttributeRule['subject'],
    attribute,
    value,
    effect: effect === 'never' ? 'never' : { capDays: Number(days) },
    text,
  };
}

/** How far back the request history must reach for the caps to be checked. */
export function longestCapDays(rules: ContactPolicyRules): number {
  const ruleDays = rules.attributeRules.map((rule) => (rule.effect === 'never' ? 0 : rule.effect.capDays));
  return Math.max(rules.capDays, ...rules.capDaysPerType.values(), ...ruleDays);
}
