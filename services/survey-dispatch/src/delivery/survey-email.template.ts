import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { SURVEY_COPY } from './survey-copy';
import type { ContactAddress, SurveyDelivery } from './survey-delivery';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// Plain <a href> links and inline styles only: mail clients run no scripts and drop <style>.
// URLs are ours (validated base URL + base64url token) and go in unescaped, so the hrefs read
// exactly like the links a test or a mail client follows.
const html = Handlebars.compile<EmailModel>(
  `<!doctype html>
<html lang="{{language}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>{{subject}}</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; margin: 0; padding: 16px;">
  <p>{{greeting}}</p>
  {{#if intro}}<p>{{intro}}</p>{{/if}}
  <h1 style="font-size: 20px;">{{question}}</h1>
  <p>{{instruction}}</p>
  <table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse: separate; border-spacing: 4px;">
    <tr>
      {{#each scores}}<td><a href="{{{url}}}" aria-label="{{score}}" style="display: inline-block; min-width: 28px; ` +
    `padding: 10px 4px; text-align: center; border: 1px solid #555; border-radius: 4px; color: #1a1a1a; ` +
    `text-decoration: none; font-weight: bold;">{{score}}</a></td>{{/each}}
    </tr>
  </table>
  <p style="font-size: 13px;">0 = {{notLikely}} &middot; 10 = {{veryLikely}}</p>
  <p><a href="{{{surveyUrl}}}">{{open}}</a></p>
  <p style="font-size: 12px; color: #555;">{{expires}}</p>
  <p style="font-size: 12px; color: #555;"><a href="{{{unsubscribeUrl}}}" style="color: #555;">{{unsubscribe}}</a></p>
</body>
</html>`,
);

const text = Handlebars.compile<EmailModel>(
  `{{greeting}}

{{#if intro}}{{intro}}

{{/if}}{{question}}
{{instruction}}

{{#each scores}}{{score}}: {{url}}
{{/each}}
0 = {{notLikely}}, 10 = {{veryLikely}}

{{open}}: {{surveyUrl}}

{{expires}}

{{unsubscribe}}: {{unsubscribeUrl}}
`,
  { noEscape: true },
);

interface EmailModel {
  language: string;
  subject: string;
  greeting: string;
  intro?: string;
  question: string;
  instruction: string;
  notLikely: string;
  veryLikely: string;
  open: string;
  expires: string;
  surveyUrl: string;
  scores: { score: number; url: string }[];
  unsubscribe: string;
  unsubscribeUrl: string;
}

/** The survey email in the customer's language, with the 0-10 scale as links in the email itself. */
export function renderSurveyEmail(delivery: SurveyDelivery, address: ContactAddress): RenderedEmail {
  const copy = SURVEY_COPY[delivery.language];
  const subject =
    delivery.kind === 'reminder' ? copy.reminderSubject : delivery.recovery ? copy.recoverySubject : copy.subject;
  const until = DateTime.fromJSDate(delivery.expiresAt, { zone: address.timeZone })
    .setLocale(delivery.language)
    .toLocaleString(DateTime.DATETIME_MED);
  const model: EmailModel = {
    language: delivery.language,
    subject,
    greeting: copy.greeting(address.name),
    intro: delivery.recovery ? copy.recoveryIntro : undefined,
    question: copy.question,
    instruction: copy.instruction,
    notLikely: copy.notLikely,
    veryLikely: copy.veryLikely,
    open: copy.open,
    expires: copy.expires(until),
    surveyUrl: delivery.surveyUrl,
    scores: delivery.scoreUrls.map((url, score) => ({ score, url })),
    unsubscribe: copy.unsubscribe,
    unsubscribeUrl: delivery.unsubscribeUrl,
  };
  return { subject, html: html(model), text: text(model) };
}
