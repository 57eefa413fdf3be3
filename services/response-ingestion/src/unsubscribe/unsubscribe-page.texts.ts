import type { SurveyLanguage } from '@nps/survey-links';

export interface UnsubscribeTexts {
  title: string;
  question: string;
  explanation: string;
  submit: string;
  doneTitle: string;
  done: string;
}

export const UNSUBSCRIBE_TEXTS: Record<SurveyLanguage, UnsubscribeTexts> = {
  en: {
    title: 'Unsubscribe from surveys',
    question: 'Do you want to stop receiving our surveys?',
    explanation: 'We will not ask for your feedback again: not by email, not by text message, not otherwise.',
    submit: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    done: 'We will not send you any more surveys.',
  },
  nl: {
    title: 'Afmelden voor enquêtes',
    question: 'Wilt u geen enquêtes meer van ons ontvangen?',
    explanation:
      'We vragen dan niet meer om uw mening: niet per e-mail, niet per sms en ook niet op een andere manier.',
    submit: 'Afmelden',
    doneTitle: 'U bent afgemeld',
    done: 'We sturen u geen enquêtes meer.',
  },
  de: {
    title: 'Von Umfragen abmelden',
    question: 'Möchten Sie keine Umfragen mehr von uns erhalten?',
    explanation: 'Wir bitten Sie dann nicht mehr um Ihre Meinung: weder per E-Mail noch per SMS noch auf anderem Weg.',
    submit: 'Abmelden',
    doneTitle: 'Sie sind abgemeldet',
    done: 'Wir senden Ihnen keine Umfragen mehr.',
  },
};
