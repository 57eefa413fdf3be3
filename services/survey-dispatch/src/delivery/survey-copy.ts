import type { SurveyLanguage } from '@nps/survey-links';

/** What the survey says, per language. */
export interface SurveyCopy {
  subject: string;
  reminderSubject: string;
  /** Subject and opening line of the recovery re-survey, sent some time after a detractor's follow-up. */
  recoverySubject: string;
  recoveryIntro: string;
  greeting: (name: string) => string;
  question: string;
  instruction: string;
  notLikely: string;
  veryLikely: string;
  open: string;
  expires: (date: string) => string;
  /** The visible unsubscribe link under the survey (ADR 0034). */
  unsubscribe: string;
  sms: (url: string) => string;
}

export const SURVEY_COPY: Record<SurveyLanguage, SurveyCopy> = {
  en: {
    subject: 'How likely are you to recommend us?',
    reminderSubject: 'Reminder: how likely are you to recommend us?',
    recoverySubject: 'A little while ago you told us we let you down. How do we do now?',
    recoveryIntro:
      'Some time ago you gave us a low score and told us why. We would like to know whether we have won back ' +
      'your confidence since then.',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    question: 'How likely are you to recommend us to a friend or colleague?',
    instruction: 'Click a number: 0 is not at all likely, 10 is extremely likely. Afterwards you can tell us why.',
    notLikely: 'Not at all likely',
    veryLikely: 'Extremely likely',
    open: 'Open the survey',
    expires: (date) => `This survey is open until ${date}.`,
    unsubscribe: 'No more surveys from us? Unsubscribe',
    sms: (url) =>
      `How likely are you to recommend us to a friend or colleague? Reply with 0-10, or answer here: ${url}`,
  },
  nl: {
    subject: 'Hoe waarschijnlijk is het dat u ons aanbeveelt?',
    reminderSubject: 'Herinnering: hoe waarschijnlijk is het dat u ons aanbeveelt?',
    recoverySubject: 'U was eerder niet tevreden over ons. Hoe is dat nu?',
    recoveryIntro:
      'Enige tijd geleden gaf u ons een lage score en vertelde u waarom. We willen graag weten of we uw ' +
      'vertrouwen sindsdien hebben teruggewonnen.',
    greeting: (name) => (name ? `Beste ${name},` : 'Beste klant,'),
    question: 'Hoe waarschijnlijk is het dat u ons zou aanbevelen aan een vriend of collega?',
    instruction:
      'Klik op een cijfer: 0 is helemaal niet waarschijnlijk, 10 is zeer waarschijnlijk. Daarna kunt u uitleggen ' +
      'waarom.',
    notLikely: 'Helemaal niet waarschijnlijk',
    veryLikely: 'Zeer waarschijnlijk',
    open: 'Open de enquête',
    expires: (date) => `Deze enquête is open tot ${date}.`,
    unsubscribe: 'Geen enquêtes meer van ons? Afmelden',
    sms: (url) =>
      `Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega? Antwoord met 0-10, of hier: ${url}`,
  },
  de: {
    subject: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
    reminderSubject: 'Erinnerung: Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
    recoverySubject: 'Sie waren mit uns nicht zufrieden. Wie ist es heute?',
    recoveryIntro:
      'Vor einiger Zeit haben Sie uns eine niedrige Bewertung gegeben und uns den Grund genannt. Wir möchten wissen, ' +
      'ob wir Ihr Vertrauen seitdem zurückgewonnen haben.',
    greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
    question: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?',
    instruction:
      'Klicken Sie auf eine Zahl: 0 ist überhaupt nicht wahrscheinlich, 10 ist äußerst wahrscheinlich. Danach können ' +
      'Sie uns den Grund nennen.',
    notLikely: 'Überhaupt nicht wahrscheinlich',
    veryLikely: 'Äußerst wahrscheinlich',
    open: 'Zur Umfrage',
    expires: (date) => `Diese Umfrage ist bis ${date} geöffnet.`,
    unsubscribe: 'Keine Umfragen mehr von uns? Abmelden',
    sms: (url) => `Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen? Antworten Sie mit 0-10 oder hier: ${url}`,
  },
};
