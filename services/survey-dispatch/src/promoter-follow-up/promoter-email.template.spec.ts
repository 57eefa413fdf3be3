import { SURVEY_LANGUAGES, type SurveyLanguage } from '@nps/survey-links';
import { promoterTemplateId, renderPromoterEmail } from './promoter-email.template';

const CASES = SURVEY_LANGUAGES.flatMap((language) =>
  (['referral', 'review'] as const).map((action): [SurveyLanguage, 'referral' | 'review'] => [language, action]),
);

describe('renderPromoterEmail', () => {
  it.each(CASES)('%s %s: subject, greeting and the configured link in HTML and text', (language, action) => {
    const email = renderPromoterEmail(action, language, 'Anna', 'https://reviews.example/write?b=1&c=2');

    expect(email.subject).not.toBe('');
    expect(email.html).toContain('<a href="https://reviews.example/write?b=1&c=2"');
    expect(email.text).toContain('https://reviews.example/write?b=1&c=2');
    expect(email.text).toContain('Anna');
    expect(email.html).toContain(`lang="${language}"`);
  });

  it('a thank-you carries no link, and a name is HTML-escaped', () => {
    const email = renderPromoterEmail('thank-you', 'de', '<b>Jörg</b>', 'https://unused.example');

    expect(email.subject).toBe('Vielen Dank für Ihr Feedback');
    expect(email.html).not.toContain('<a ');
    expect(email.text).not.toContain('https://unused.example');
    expect(email.html).toContain('Hallo &lt;b&gt;Jörg&lt;/b&gt;,');
  });

  it('names the template it used', () => expect(promoterTemplateId('referral', 'nl')).toBe('promoter-referral.nl'));
});
