import { loadEnv } from '@nps/config';
import { contactPolicyRulesFrom } from './contact-policy/contact-policy.rules';
import { SurveyDispatchEnv } from './survey-dispatch.env';

describe('SurveyDispatchEnv', () => {
  it('works out of the box: 30-day cap, quiet hours 21:00-08:00, 14-day expiry, reminder after 3 days', () => {
    const env = loadEnv(SurveyDispatchEnv, {});
    const rules = contactPolicyRulesFrom(env);

    expect(env).toMatchObject({
      PORT: 3001,
      SURVEY_EXPIRY_MS: 1209600000,
      REMINDER_DELAY_MS: 259200000,
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(rules).toMatchObject({
      capDays: 30,
      attributeRules: [],
      quietHours: { startMinute: 21 * 60, endMinute: 8 * 60 },
    });
  });

  it('reads caps per type and attribute rules', () => {
    const rules = contactPolicyRulesFrom(
      loadEnv(SurveyDispatchEnv, {
        CONTACT_CAP_PER_TYPE: 'ticket-closed:60,order-delivered:90',
        CONTACT_ATTRIBUTE_RULES: 'customer.tier=platinum:120d,touchpoint.source=test:never',
      }),
    );

    expect([...rules.capDaysPerType]).toEqual([
      ['ticket-closed', 60],
      ['order-delivered', 90],
    ]);
    expect(rules.attributeRules).toEqual([
      {
        subject: 'customer',
        attribute: 'tier',
        value: 'platinum',
        effect: { capDays: 120 },
        text: 'customer.tier=platinum:120d',
      },
      {
        subject: 'touchpoint',
        attribute: 'source',
        value: 'test',
        effect: 'never',
        text: 'touchpoint.source=test:never',
      },
    ]);
  });

  it.each([
    ['CONTACT_ATTRIBUTE_RULES', 'segment=internal'],
    ['CONTACT_CAP_PER_TYPE', 'tickets=60'],
    ['QUIET_HOURS', '9pm-8am'],
    ['SMTP_URL', 'mail.example.com:25'],
    ['SURVEY_EXPIRY_MS', '10'],
    ['PROMOTER_ACTION', 'gift-card'],
    ['PROMOTER_WEBHOOK_URL', 'referrals.example.com'],
    ['PROMOTER_CONCURRENCY', '0'],
    ['PROMOTER_RETRY_MAX_BACKOFF_MS', '-1'],
  ])('stops with a line naming %s when it is %s', (variable, value) => {
    expect(() => loadEnv(SurveyDispatchEnv, { [variable]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${variable}: .*\\(got "${value}"\\)$`),
    );
  });

  it('thanks promoters by email by default; a promoter webhook needs its URL and signing secret', () => {
    expect(loadEnv(SurveyDispatchEnv, {})).toMatchObject({
      PROMOTER_ACTION: 'thank-you',
      PROMOTER_DELIVERY: 'email',
      PROMOTER_MAX_AGE_DAYS: 14,
      PROMOTER_CONCURRENCY: 1,
      PROMOTER_RETRY_MAX_BACKOFF_MS: 900000,
    });
    expect(() => loadEnv(SurveyDispatchEnv, { PROMOTER_DELIVERY: 'webhook' })).toThrow(
      /PROMOTER_WEBHOOK_URL: .*required when PROMOTER_DELIVERY is webhook/,
    );
    expect(() =>
      loadEnv(SurveyDispatchEnv, { PROMOTER_DELIVERY: 'webhook', PROMOTER_WEBHOOK_URL: 'https://refer.example/hook' }),
    ).toThrow(/PROMOTER_WEBHOOK_SECRET/);
  });
});
