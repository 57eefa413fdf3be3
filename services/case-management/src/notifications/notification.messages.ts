import { maskPii } from '@nps/privacy';
import type { CaseRecord } from '../cases/case.record';

export const NOTIFICATION_LANGUAGES = ['en', 'nl'] as const;
type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

export interface NotificationFacts {
  kind: 'assigned' | 'escalated';
  case: Pick<CaseRecord, 'score' | 'priority' | 'comment'>;
  recipientName: string;
  why: string;
  firstContactDue: string;
  resolutionDue: string;
}

interface Messages {
  subject: (facts: NotificationFacts) => string;
  opening: (facts: NotificationFacts) => string;
  score: (facts: NotificationFacts) => string;
  deadlines: (facts: NotificationFacts) => string;
}

const MESSAGES: Record<NotificationLanguage, Messages> = {
  en: {
    subject: ({ kind, case: c }) =>
      `${kind === 'assigned' ? 'New NPS follow-up case' : 'Escalated NPS case'} (score ${c.score}, ${c.priority})`,
    opening: ({ kind, recipientName, why }) =>
      `${recipientName}, ` +
      `${kind === 'assigned' ? 'a follow-up case was assigned to you' : 'a case was escalated to you'}: ${why}.`,
    score: ({ case: c }) => `Score ${c.score}${c.comment ? `, comment: "${c.comment}"` : ''}.`,
    deadlines: (f) => `First contact due ${f.firstContactDue}, resolution due ${f.resolutionDue}.`,
  },
  nl: {
    subject: ({ kind, case: c }) =>
      `${kind === 'assigned' ? 'Nieuwe NPS-opvolgzaak' : 'Geëscaleerde NPS-zaak'} (score ${c.score}, ${c.priority})`,
    opening: ({ kind, recipientName, why }) =>
      `${recipientName}, ` +
      `${kind === 'assigned' ? 'er is een opvolgzaak aan je toegewezen' : 'er is een zaak naar je geëscaleerd'}` +
      `: ${why}.`,
    score: ({ case: c }) => `Score ${c.score}${c.comment ? `, opmerking: "${c.comment}"` : ''}.`,
    deadlines: (f) => `Eerste contact uiterlijk ${f.firstContactDue}, oplossing uiterlijk ${f.resolutionDue}.`,
  },
};

/**
 * The language of a team's notifications: its own when we have the text (`nl-BE` → `nl` text with Belgian dates),
 * else English throughout, so the dates match the sentences around them.
 */
export function notificationLanguage(teamLanguage: string): { text: NotificationLanguage; locale: string } {
  const primary = teamLanguage.split('-')[0].toLowerCase();
  return (NOTIFICATION_LANGUAGES as readonly string[]).includes(primary)
    ? { text: primary as NotificationLanguage, locale: teamLanguage }
    : { text: 'en', locale: 'en' };
}

/**
 * Subject and plain-text body of a notification; the caller appends the case link. The comment goes out by
 * email and webhook with its emails, phone numbers, IBANs and order numbers masked (docs/privacy.md); the
 * case keeps it whole for the people who open it.
 */
export function notificationText(language: NotificationLanguage, facts: NotificationFacts) {
  const messages = MESSAGES[language];
  const masked = { ...facts, case: { ...facts.case, comment: maskPii(facts.case.comment).text } };
  return {
    subject: messages.subject(masked),
    lines: [messages.opening(masked), messages.score(masked), messages.deadlines(masked)],
  };
}
