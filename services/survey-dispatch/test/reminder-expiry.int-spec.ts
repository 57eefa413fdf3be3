import { Channel, Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, SmtpInbox } from '@nps/testing';
import { csvOf } from './customer-rows.csv';

const REMINDER_DELAY_MS = 3000;
const SURVEY_EXPIRY_MS = 6000;

// One reminder when nobody answers, none after an answer; expiry closes the survey with an event.
describe('reminder and expiry', () => {
  let smtp: SmtpInbox;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyDispatched, Topics.SurveyReminded, Topics.SurveyExpired);

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    await bed.start({
      SMTP_URL: smtp.url,
      QUIET_HOURS: 'off',
      REMINDER_DELAY_MS: String(REMINDER_DELAY_MS),
      SURVEY_EXPIRY_MS: String(SURVEY_EXPIRY_MS),
    });
    await bed.post(
      '/customers/import',
      csvOf([
        { customer_id: 'silent', email: 'silent@example.com', language: 'en' },
        { customer_id: 'prompt', email: 'prompt@example.com', language: 'de' },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
  });

  it('reminds the silent customer once, never the one who answered, and expires only the unanswered survey', async () => {
    for (const customerId of ['silent', 'prompt']) {
      await bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId }));
    }
    const [answered] = await kafka.eventually(Topics.SurveyDispatched, (e) => e.customerId === 'prompt');
    const surveyRequestId = answered.message.surveyRequestId;
    await bed.publish(
      Topics.ResponseReceived,
      anEvent(Topics.ResponseReceived, { customerId: 'prompt', score: 9, surveyRequestId }),
    );
    await expectEventually(async () =>
      expect(await bed.get('/survey-requests?customerId=prompt', { token: await bed.tokenFor('adam') })).toMatchObject([
        { status: 'answered', nextAction: null },
      ]),
    );

    const [expired] = await kafka.eventually(
      Topics.SurveyExpired,
      (e) => e.customerId === 'silent',
      1,
      REMINDER_DELAY_MS + SURVEY_EXPIRY_MS + 10000,
    );

    // Other topics than the expiry's: the probe may not have read them yet.
    const dispatched = await expectEventually(() => {
      const [silent] = kafka.events(Topics.SurveyDispatched).filter((e) => e.message.customerId === 'silent');
      expect(silent).toBeDefined();
      const reminders = kafka.events(Topics.SurveyReminded);
      expect(reminders.map((e) => e.message)).toEqual([
        expect.objectContaining({
          customerId: 'silent',
          surveyRequestId: silent.message.surveyRequestId,
          reminderNumber: 1,
          channel: Channel.EMAIL,
        }),
      ]);
      return silent;
    });
    expect(expired.message).toMatchObject({
      surveyRequestId: dispatched.message.surveyRequestId,
      occurredAt: dispatched.message.expiresAt,
    });
    expect(smtp.to('silent@example.com').map((mail) => mail.subject)).toEqual([
      'How likely are you to recommend us?',
      'Reminder: how likely are you to recommend us?',
    ]);
    // The reminder carries the same link as the survey.
    const linkOf = (html: unknown) => /<a href="([^"?]+)">/.exec(String(html))?.[1];
    const [survey, reminder] = smtp.to('silent@example.com');
    expect(linkOf(reminder.html)).toBe(linkOf(survey.html));

    expect(smtp.to('prompt@example.com')).toHaveLength(1);
    expect(await bed.get('/survey-requests?customerId=prompt', { token: await bed.tokenFor('adam') })).toMatchObject([
      { status: 'answered', remindedAt: null },
    ]);
    expect(kafka.events(Topics.SurveyExpired).filter((e) => e.message.customerId === 'prompt')).toHaveLength(0);
    expect(await bed.get('/survey-requests?customerId=silent', { token: await bed.tokenFor('adam') })).toMatchObject([
      { status: 'expired', nextAction: null, remindedAt: expect.any(String) },
    ]);
  });
});
