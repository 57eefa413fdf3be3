import { notificationLanguage } from '../notifications/notification.messages';

export interface AccountRiskFacts {
  accountId: string;
  recipientName: string;
  detractorCount: number;
  windowDays: number;
}

const MESSAGES = {
  en: (f: AccountRiskFacts) => ({
    subject: `Account at risk: ${f.accountId} (${f.detractorCount} detractors in ${f.windowDays} days)`,
    lines: [
      `${f.recipientName}, account ${f.accountId} gave ${f.detractorCount} detractor answers within ${f.windowDays} ` +
        'days, each with its own follow-up case.',
      'Consider contacting the account as a whole. The latest case:',
    ],
  }),
  nl: (f: AccountRiskFacts) => ({
    subject: `Account in gevaar: ${f.accountId} (${f.detractorCount} detractors in ${f.windowDays} dagen)`,
    lines: [
      `${f.recipientName}, account ${f.accountId} gaf ${f.detractorCount} detractor-antwoorden binnen ` +
        `${f.windowDays} dagen, elk met een eigen opvolgzaak.`,
      'Overweeg contact met het account als geheel. De laatste zaak:',
    ],
  }),
};

/** Subject and lines of the account-at-risk notification in the team's language (en or nl, like case notifications). */
export function accountRiskText(teamLanguage: string, facts: AccountRiskFacts): { subject: string; lines: string[] } {
  return MESSAGES[notificationLanguage(teamLanguage).text](facts);
}
