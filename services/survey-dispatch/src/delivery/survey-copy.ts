import type { SurveyLanguage } from '@nps/survey-links';

/** What the survey says, per language. */
export interface SurveyCopy {
  subject: string;
  reminderSubject: string;
  greeting: (name: string) => string;
  question: string;
  instruction: string;
  notLikely: string;
  veryLikely: string;
  open: string;
  expires: (date: string) => string;
  sms: (url: string) => string;
}

export const SURVEY_COPY: Record<SurveyLanguage, SurveyCopy> = {
  en: {
    subject: 'How likely are you to recommend us?',
    reminderSubject: 'Reminder: how likely are you to recommend us?',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    question: 'How likely are you to recommend us to a friend or colleague?',
    instruction: 'Click a number: 0 is not at all likely, 10 is extremely likely. Afterwards you can tell us why.',
    notLikely: 'Not at all likely',
    veryLikely: 'Extremely likely',
    open: 'Open the survey',
    expires: (date) => `This survey is open until ${date}.`,
    sms: (url) =>
      `How likely are you to recommend us to a friend or colleague? Reply with 0-10, or answer here: ${url}`,
  },
  nl: {
    subject: 'Hoe waarschijnlijk is het dat u ons aanbeveelt?',
    reminderSubject: 'Herinnering: hoe waarschijnlijk is het dat u ons aanbeveelt?',
    greeting: (name) => (name ? `Beste ${name},` : 'Beste klant,'),
    question: 'Hoe waarschijnlijk is het dat u ons zou aanbevelen aan een vriend of collega?',
    instruction:
      'Klik op een cijfer: 0 is helemaal niet waarschijnlijk, 10 is zeer waarschijnlijk. Daarna kunt u uitleggen ' +
      'waarom.',
    notLikely: 'Helemaal niet waarschijnlijk',
    veryLikely: 'Zeer waarschijnlijk',
    open: 'Open de enquête',
    expires: (date) => `Deze enquête is open tot ${date}.`,
    sms: (url) =>
      `Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega? Antwoord met 0-10, of hier: ${url}`,
  },
  de: {
    subject: 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
    reminderSubject: 'Erinnerung: Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
    greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
    question: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?',
    instruction:
      'Klicken Sie auf eine Zahl: 0 ist überhaupt nicht wahrscheinlich, 10 ist äußerst wahrscheinlich. Danach können ' +
      'Sie uns den Grund nennen.',
    notLikely: 'Überhaupt nicht wahrscheinlich',
    veryLikely: 'Äußerst wahrscheinlich',
    open: 'Zur Umfrage',
    expires: (date) => `Diese Umfrage ist bis ${date} geöffnet.`,
    sms: (url) => `Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen? Antworten Sie mit 0-10 oder hier: ${url}`,
  },
};
