import type { SurveyLanguage } from '@nps/survey-links';
import { IngestionErrorCode } from '../errors/ingestion.error';

export interface PageTexts {
  title: string;
  question: string;
  scaleHint: string;
  lowEnd: string;
  highEnd: string;
  scoreLabel: (score: number) => string;
  commentLabel: string;
  commentHint: string;
  submit: string;
  scoreSaved: (score: number) => string;
  scoreChosen: (score: number) => string;
  thanksTitle: string;
  thanks: string;
  errorSummary: string;
  scoreMissing: string;
  commentTooLong: string;
  commentInvalid: string;
  refusals: Partial<Record<IngestionErrorCode, { title: string; body: string }>>;
  unusable: { title: string; body: string };
}

const en: PageTexts = {
  title: 'Your feedback',
  question: 'How likely are you to recommend us to a friend or colleague?',
  scaleHint: '0 means not at all likely, 10 means extremely likely.',
  lowEnd: 'Not at all likely',
  highEnd: 'Extremely likely',
  scoreLabel: (score) => `${score} out of 10`,
  commentLabel: 'Why did you give this score? (optional)',
  commentHint: 'At most 5,000 characters.',
  submit: 'Send',
  scoreSaved: (score) => `Thank you, your score ${score} is saved. Would you tell us why?`,
  scoreChosen: (score) => `You chose ${score}. Press Send to save it; a comment is welcome.`,
  thanksTitle: 'Thank you',
  thanks: 'Thank you for your answer. It helps us do better.',
  errorSummary: 'Please correct the following:',
  scoreMissing: 'Score: choose a number from 0 to 10.',
  commentTooLong: 'Comment: at most 5,000 characters, please shorten it.',
  commentInvalid: 'Comment: contains characters we cannot store; please retype it.',
  refusals: {
    [IngestionErrorCode.SurveyLinkExpired]: {
      title: 'This survey has closed',
      body: 'The link has expired, so we can no longer take an answer through it.',
    },
    [IngestionErrorCode.SurveyExpired]: {
      title: 'This survey has closed',
      body: 'The survey expired before it was answered.',
    },
    [IngestionErrorCode.SurveyRevoked]: {
      title: 'This link is no longer valid',
      body: 'This survey link was withdrawn.',
    },
    [IngestionErrorCode.AlreadyAnswered]: {
      title: 'Already answered',
      body: 'This survey was already answered. Thank you!',
    },
  },
  unusable: {
    title: 'This link does not work',
    body: 'The survey link is incomplete or was changed. Please open the link from your message again.',
  },
};

const nl: PageTexts = {
  title: 'Uw mening',
  question: 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?',
  scaleHint: '0 betekent helemaal niet waarschijnlijk, 10 betekent zeer waarschijnlijk.',
  lowEnd: 'Helemaal niet waarschijnlijk',
  highEnd: 'Zeer waarschijnlijk',
  scoreLabel: (score) => `${score} van de 10`,
  commentLabel: 'Waarom geeft u deze score? (optioneel)',
  commentHint: 'Maximaal 5.000 tekens.',
  submit: 'Versturen',
  scoreSaved: (score) => `Dank u, uw score ${score} is opgeslagen. Wilt u ons vertellen waarom?`,
  scoreChosen: (score) => `U koos ${score}. Druk op Versturen om uw score op te slaan; een toelichting is welkom.`,
  thanksTitle: 'Dank u wel',
  thanks: 'Dank u voor uw antwoord. Het helpt ons beter te worden.',
  errorSummary: 'Verbeter het volgende:',
  scoreMissing: 'Score: kies een getal van 0 tot en met 10.',
  commentTooLong: 'Opmerking: maximaal 5.000 tekens, maak de tekst korter.',
  commentInvalid: 'Opmerking: bevat tekens die we niet kunnen opslaan; typ de tekst opnieuw.',
  refusals: {
    [IngestionErrorCode.SurveyLinkExpired]: {
      title: 'Deze enquête is gesloten',
      body: 'De link is verlopen; we kunnen er geen antwoord meer mee ontvangen.',
    },
    [IngestionErrorCode.SurveyExpired]: {
      title: 'Deze enquête is gesloten',
      body: 'De enquête is verlopen voordat ze werd beantwoord.',
    },
    [IngestionErrorCode.SurveyRevoked]: {
      title: 'Deze link is niet meer geldig',
      body: 'Deze enquêtelink is ingetrokken.',
    },
    [IngestionErrorCode.AlreadyAnswered]: {
      title: 'Al beantwoord',
      body: 'Deze enquête is al beantwoord. Dank u wel!',
    },
  },
  unusable: {
    title: 'Deze link werkt niet',
    body: 'De enquêtelink is onvolledig of gewijzigd. Open de link uit uw bericht opnieuw.',
  },
};

const de: PageTexts = {
  title: 'Ihre Meinung',
  question: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
  scaleHint: '0 bedeutet überhaupt nicht wahrscheinlich, 10 bedeutet äußerst wahrscheinlich.',
  lowEnd: 'Überhaupt nicht wahrscheinlich',
  highEnd: 'Äußerst wahrscheinlich',
  scoreLabel: (score) => `${score} von 10`,
  commentLabel: 'Warum geben Sie diese Bewertung? (optional)',
  commentHint: 'Höchstens 5.000 Zeichen.',
  submit: 'Senden',
  scoreSaved: (score) => `Danke, Ihre Bewertung ${score} ist gespeichert. Möchten Sie uns sagen, warum?`,
  scoreChosen: (score) =>
    `Sie haben ${score} gewählt. Drücken Sie Senden, um sie zu speichern; ein Kommentar ist willkommen.`,
  thanksTitle: 'Vielen Dank',
  thanks: 'Vielen Dank für Ihre Antwort. Sie hilft uns, besser zu werden.',
  errorSummary: 'Bitte korrigieren Sie Folgendes:',
  scoreMissing: 'Bewertung: Wählen Sie eine Zahl von 0 bis 10.',
  commentTooLong: 'Kommentar: höchstens 5.000 Zeichen, bitte kürzen Sie ihn.',
  commentInvalid: 'Kommentar: enthält Zeichen, die wir nicht speichern können; bitte neu eingeben.',
  refusals: {
    [IngestionErrorCode.SurveyLinkExpired]: {
      title: 'Diese Umfrage ist geschlossen',
      body: 'Der Link ist abgelaufen; wir können darüber keine Antwort mehr annehmen.',
    },
    [IngestionErrorCode.SurveyExpired]: {
      title: 'Diese Umfrage ist geschlossen',
      body: 'Die Umfrage ist abgelaufen, bevor sie beantwortet wurde.',
    },
    [IngestionErrorCode.SurveyRevoked]: {
      title: 'Dieser Link ist nicht mehr gültig',
      body: 'Dieser Umfragelink wurde zurückgezogen.',
    },
    [IngestionErrorCode.AlreadyAnswered]: {
      title: 'Bereits beantwortet',
      body: 'Diese Umfrage wurde bereits beantwortet. Vielen Dank!',
    },
  },
  unusable: {
    title: 'Dieser Link funktioniert nicht',
    body:
      'Der Umfragelink ist unvollständig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer Nachricht ' +
      'erneut.',
  },
};

export const PAGE_TEXTS: Record<SurveyLanguage, PageTexts> = { en, nl, de };

/** The first of en/nl/de that an Accept-Language header asks for (pages shown before a token is trusted). */
export function languageFromHeader(header: string | undefined): SurveyLanguage {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code): code is SurveyLanguage => code === 'en' || code === 'nl' || code === 'de');
  return wanted ?? 'en';
}
