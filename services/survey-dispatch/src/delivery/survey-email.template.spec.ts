import { Channel } from '@nps/contracts';
import type { SurveyLanguage } from '@nps/survey-links';
import { renderSurveyEmail } from './survey-email.template';
import type { SurveyDelivery } from './survey-delivery';

const delivery = (
  language: SurveyLanguage,
  kind: SurveyDelivery['kind'] = 'survey',
  recovery = false,
): SurveyDelivery => ({
  kind,
  recovery,
  surveyRequestId: 'r-1',
  customerId: 'c-1',
  touchpointId: 't-1',
  touchpointType: 'order-delivered',
  channel: Channel.EMAIL,
  language,
  token: 'k.abc-_.def',
  surveyUrl: 'https://s.example/s/k.abc-_.def',
  scoreUrls: Array.from({ length: 11 }, (_, n) => `https://s.example/s/k.abc-_.def?score=${n}`),
  unsubscribeUrl: 'https://s.example/s/unsubscribe/k.uvw-_.xyz',
  expiresAt: new Date('2026-12-07T12:00:00Z'),
});
const address = { name: 'Anna <b>&</b>', email: 'a@b.nl', phone: null, webhookUrl: null, timeZone: 'Europe/Amsterdam' };

describe('renderSurveyEmail', () => {
  it.each([
    ['en', 'How likely are you to recommend us?', 'How likely are you to recommend us to a friend or colleague?'],
    [
      'nl',
      'Hoe waarschijnlijk is het dat u ons aanbeveelt?',
      'Hoe waarschijnlijk is het dat u ons zou aanbevelen aan een vriend of collega?',
    ],
    [
      'de',
      'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
      'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?',
    ],
  ] as const)(
    '%s: subject, question and the 0-10 links as plain hrefs in both parts',
    (language, subject, question) => {
      const email = renderSurveyEmail(delivery(language), address);

      expect(email.subject).toBe(subject);
      expect(email.html).toContain(question);
      expect(email.html).toContain(`lang="${language}"`);
      const hrefs = [...email.html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
      const { scoreUrls, surveyUrl, unsubscribeUrl } = delivery(language);
      expect(hrefs).toEqual([...scoreUrls, surveyUrl, unsubscribeUrl]);
      for (const url of hrefs) expect(email.text).toContain(url);
    },
  );

  it('escapes the customer name in HTML and marks a reminder in the subject', () => {
    const email = renderSurveyEmail(delivery('en', 'reminder'), address);

    expect(email.html).toContain('Hello Anna &lt;b&gt;&amp;&lt;/b&gt;,');
    expect(email.subject).toBe('Reminder: how likely are you to recommend us?');
  });

  it('says a recovery re-survey follows up an earlier low score, in the subject and before the question', () => {
    const email = renderSurveyEmail(delivery('en', 'survey', true), address);

    expect(email.subject).toBe('A little while ago you told us we let you down. How do we do now?');
    expect(email.text).toMatch(/Some time ago you gave us a low score[\s\S]*How likely are you to recommend us/);
    expect(email.html).toContain('won back your confidence');
    expect(renderSurveyEmail(delivery('en'), address).text).not.toContain('low score');
  });
});
