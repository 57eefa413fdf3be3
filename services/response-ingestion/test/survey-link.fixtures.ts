import { randomUUID } from 'node:crypto';
import { Channel } from '@nps/contracts';
import { DEVELOPMENT_SURVEY_LINK_KEYS, SurveyLinks, type SurveyLinkClaims } from '@nps/survey-links';

/** Claims of a survey link as survey-dispatch would sign them. */
export function aSurveyLink(overrides: Partial<SurveyLinkClaims> = {}): SurveyLinkClaims {
  // A letter in the middle: eight hex digits can all be decimal, and the PII checks read 8+ digits as a phone number.
  const id = `${randomUUID().slice(0, 4)}x${randomUUID().slice(0, 4)}`;
  return {
    surveyRequestId: `sr-${id}`,
    customerId: `c-${id}`,
    touchpointId: `order-${id}`,
    touchpointType: 'order-delivered',
    channel: Channel.EMAIL,
    language: 'nl',
    expiresAt: new Date(Date.now() + 14 * 24 * 3600_000),
    ...overrides,
  };
}

/** Survey links signed with the development keys the service uses when none are configured. */
export const devLinks = (baseUrl: string) => new SurveyLinks(DEVELOPMENT_SURVEY_LINK_KEYS, baseUrl);

/** A survey link's claims (aSurveyLink) and its token, signed for the service at `baseUrl`. */
export function aSignedSurveyLink(baseUrl: string, overrides: Partial<SurveyLinkClaims> = {}) {
  const claims = aSurveyLink(overrides);
  return { claims, token: devLinks(baseUrl).sign(claims) };
}
