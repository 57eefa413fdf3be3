import type { SurveyLanguage } from '@nps/survey-links';
import Handlebars from 'handlebars';
import type { RenderedEmail } from '../delivery/survey-email.template';
import { PROMOTER_COPY } from './promoter-copy';
import type { PromoterActionName } from './promoter-follow-up.decision';

interface PromoterEmailModel {
  language: string;
  subject: string;
  greeting: string;
  body: string[];
  link?: { text: string; url: string };
  closing: string;
}

// Same rules as the survey email: inline styles only, our own configured URL goes in unescaped.
const html = Handlebars.compile<PromoterEmailModel>(
  `<!doctype html>
<html lang="{{language}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>{{subject}}</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; margin: 0; padding: 16px;">
  <p>{{greeting}}</p>
  {{#each body}}<p>{{this}}</p>
  {{/each}}{{#if link}}<p><a href="{{{link.url}}}" style="display: inline-block; padding: 10px 16px; ` +
    `border: 1px solid #555; border-radius: 4px; color: #1a1a1a; text-decoration: none; font-weight: bold;">` +
    `{{link.text}}</a></p>
  {{/if}}<p>{{closing}}</p>
</body>
</html>`,
);

const text = Handlebars.compile<PromoterEmailModel>(
  `{{greeting}}

{{#each body}}{{this}}
{{/each}}
{{#if link}}{{link.text}}: {{link.url}}

{{/if}}{{closing}}
`,
  { noEscape: true },
);

/** The template id a PromoterFollowedUp names as its target, e.g. `promoter-referral.nl`. */
export function promoterTemplateId(action: Exclude<PromoterActionName, 'none'>, language: SurveyLanguage): string {
  return `promoter-${action}.${language}`;
}

/** The promoter email of one action in the customer's language; `linkUrl` is the referral or review page. */
export function renderPromoterEmail(
  action: Exclude<PromoterActionName, 'none'>,
  language: SurveyLanguage,
  name: string,
  linkUrl: string,
): RenderedEmail {
  const copy = PROMOTER_COPY[language];
  const { subject, body, link } = copy.actions[action];
  const model: PromoterEmailModel = {
    language,
    subject,
    greeting: copy.greeting(name),
    body,
    link: link ? { text: link, url: linkUrl } : undefined,
    closing: copy.closing,
  };
  return { subject, html: html(model), text: text(model) };
}
