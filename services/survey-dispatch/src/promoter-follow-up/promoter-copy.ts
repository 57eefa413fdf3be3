import type { SurveyLanguage } from '@nps/survey-links';
import type { PromoterActionName } from './promoter-follow-up.decision';

type SentAction = Exclude<PromoterActionName, 'none'>;

/** One promoter email: its subject, its paragraphs, and the words of its link (referral and review only). */
export interface PromoterEmailCopy {
  subject: string;
  body: string[];
  link?: string;
}

/** What a promoter email says, per language and action. */
export interface PromoterCopy {
  greeting: (name: string) => string;
  closing: string;
  actions: Record<SentAction, PromoterEmailCopy>;
}

export const PROMOTER_COPY: Record<SurveyLanguage, PromoterCopy> = {
  en: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    closing: 'Thank you for your time.',
    actions: {
      'thank-you': {
        subject: 'Thank you for your feedback',
        body: [
          'Thank you for rating us so highly. We are glad we could help, and we will keep working to stay that way.',
        ],
      },
      referral: {
        subject: 'Thank you — would you recommend us to a friend?',
        body: [
          'Thank you for rating us so highly.',
          'If you know someone who could use our service, we would be grateful for an introduction.',
        ],
        link: 'Recommend us to a friend or colleague',
      },
      review: {
        subject: 'Thank you — would you share your experience?',
        body: [
          'Thank you for rating us so highly.',
          'Would you take a minute to tell others about your experience in a public review?',
        ],
        link: 'Write a review',
      },
    },
  },
  nl: {
    greeting: (name) => (name ? `Beste ${name},` : 'Beste klant,'),
    closing: 'Bedankt voor uw tijd.',
    actions: {
      'thank-you': {
        subject: 'Bedankt voor uw feedback',
        body: ['Bedankt voor uw hoge waardering. Fijn dat we u goed konden helpen; we blijven ons best doen.'],
      },
      referral: {
        subject: 'Bedankt — wilt u ons aanbevelen bij een vriend?',
        body: [
          'Bedankt voor uw hoge waardering.',
          'Kent u iemand die ook iets aan onze dienst heeft? Dan stellen we een aanbeveling zeer op prijs.',
        ],
        link: 'Beveel ons aan bij een vriend of collega',
      },
      review: {
        subject: 'Bedankt — wilt u uw ervaring delen?',
        body: [
          'Bedankt voor uw hoge waardering.',
          'Wilt u een minuutje nemen om anderen in een openbare review over uw ervaring te vertellen?',
        ],
        link: 'Schrijf een review',
      },
    },
  },
  de: {
    greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
    closing: 'Vielen Dank für Ihre Zeit.',
    actions: {
      'thank-you': {
        subject: 'Vielen Dank für Ihr Feedback',
        body: [
          'Vielen Dank für Ihre sehr gute Bewertung. Es freut uns, dass wir Ihnen helfen konnten, und wir arbeiten ' +
            'daran, dass es so bleibt.',
        ],
      },
      referral: {
        subject: 'Vielen Dank — würden Sie uns weiterempfehlen?',
        body: [
          'Vielen Dank für Ihre sehr gute Bewertung.',
          'Wenn Sie jemanden kennen, dem unser Service helfen könnte, freuen wir uns über Ihre Empfehlung.',
        ],
        link: 'Empfehlen Sie uns einem Freund oder Kollegen',
      },
      review: {
        subject: 'Vielen Dank — möchten Sie Ihre Erfahrung teilen?',
        body: [
          'Vielen Dank für Ihre sehr gute Bewertung.',
          'Würden Sie sich eine Minute Zeit nehmen und anderen in einer öffentlichen Bewertung von Ihrer Erfahrung ' +
            'berichten?',
        ],
        link: 'Bewertung schreiben',
      },
    },
  },
};
