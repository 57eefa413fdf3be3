import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { Channel } from '@nps/contracts';
import { loadEnv } from '@nps/config';
import { SurveyLinkError, type SurveyLinkClaims } from './survey-link.claims';
import { SurveyLinkEnv } from './survey-link.env';
import { SurveyLinks } from './survey-links';

const NOW = new Date('2026-11-23T12:00:00Z');
const claims: SurveyLinkClaims = {
  surveyRequestId: 'sr-1',
  customerId: 'c-42',
  touchpointId: 'order-9',
  touchpointType: 'order-delivered',
  channel: Channel.EMAIL,
  language: 'nl',
  expiresAt: new Date('2026-12-07T12:00:00Z'),
};
const OLD = 'k-2025:old-secret-0123456789abcdef';
const NEW = 'k-2026:new-secret-0123456789abcdef';

function failureOf(links: SurveyLinks, token: string, now = NOW): string {
  try {
    links.verify(token, now);
    return 'accepted';
  } catch (error) {
    if (error instanceof SurveyLinkError) return error.reason;
    throw error;
  }
}

describe('SurveyLinks', () => {
  const links = new SurveyLinks(NEW, 'https://survey.example.com/');

  it('verifies what it signed and gives the claims back', () => {
    expect(links.verify(links.sign(claims), NOW)).toEqual(claims);
  });

  it('signs with the first key and still verifies links of a rotated-out key until it is removed', () => {
    const beforeRotation = new SurveyLinks(OLD, 'https://s');
    const token = beforeRotation.sign(claims);
    const afterRotation = new SurveyLinks(`${NEW},${OLD}`, 'https://s');
    expect(afterRotation.verify(token, NOW).surveyRequestId).toBe('sr-1');
    expect(afterRotation.sign(claims).startsWith('k-2026.')).toBe(true);
    expect(failureOf(new SurveyLinks(NEW, 'https://s'), token)).toBe('unknown-key');
  });

  it.each([
    ['expired', links.sign(claims), new Date('2026-12-07T12:00:00Z')],
    ['malformed', 'not-a-token', NOW],
    ['malformed', `${links.sign(claims)}.extra`, NOW],
    ['unknown-key', links.sign(claims).replace(/^k-2026/, 'k-1999'), NOW],
  ])('rejects a token as %s', (reason, token, now) => {
    expect(failureOf(links, token as string, now as Date)).toBe(reason);
  });

  it('rejects claims changed after signing, even to another valid customer', () => {
    const [kid, , signature] = links.sign(claims).split('.');
    const forged = links.sign({ ...claims, customerId: 'c-43' }).split('.')[1];
    expect(failureOf(links, `${kid}.${forged}.${signature}`)).toBe('bad-signature');
  });

  it('accepts no token with any single character changed', () => {
    const token = links.sign(claims);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(failureOf(links, tampered)).not.toBe('accepted');
      }),
      { numRuns: 2000 },
    );
  });

  it('builds page links under SURVEY_PAGE_URL, with a score for the one-click numbers', () => {
    expect(links.pageUrl('abc')).toBe('https://survey.example.com/s/abc');
    expect(links.pageUrl('abc', 0)).toBe('https://survey.example.com/s/abc?score=0');
    expect(links.unsubscribeUrl('abc')).toBe('https://survey.example.com/s/unsubscribe/abc');
  });

  describe('purpose', () => {
    const unsubscribe = { purpose: 'unsubscribe' } as const;

    it('verifies an unsubscribe token as one, and gives the same claims back', () => {
      expect(links.verify(links.sign(claims, 'unsubscribe'), NOW, unsubscribe)).toEqual(claims);
    });

    it('takes an answer token for no unsubscribe token, nor the other way round', () => {
      const answer = links.sign(claims);
      const optOut = links.sign(claims, 'unsubscribe');
      expect(optOut).not.toBe(answer);
      expect(() => links.verify(answer, NOW, unsubscribe)).toThrow(/signature does not match/);
      expect(failureOf(links, optOut)).toBe('bad-signature');
    });

    it('keeps the MAC answer tokens always had, so links sent before purposes existed still work', () => {
      const [kid, payload, signature] = links.sign(claims).split('.');
      const legacy = createHmac('sha256', NEW.split(':')[1]).update(`${kid}.${payload}`).digest('base64url');
      expect(signature).toBe(legacy);
    });

    it('ignores expiry only when asked (opt-outs are honoured however old the message)', () => {
      const later = new Date('2027-06-01T00:00:00Z');
      const token = links.sign(claims, 'unsubscribe');
      expect(() => links.verify(token, later, unsubscribe)).toThrow(/expired/);
      expect(links.verify(token, later, { ...unsubscribe, ignoreExpiry: true }).customerId).toBe('c-42');
    });
  });
});

describe('SurveyLinkEnv', () => {
  it('names SURVEY_LINK_KEYS when a secret is too short to be a key', () => {
    expect(() => loadEnv(SurveyLinkEnv, { SURVEY_LINK_KEYS: 'k1:short' })).toThrow(
      /SURVEY_LINK_KEYS: must be comma-separated kid:secret pairs/,
    );
  });

  it('works out of the box with the development key', () => {
    const env = loadEnv(SurveyLinkEnv, {});
    const local = new SurveyLinks(env.SURVEY_LINK_KEYS, env.SURVEY_PAGE_URL);
    expect(local.pageUrl(local.sign(claims))).toMatch(/^http:\/\/127\.0\.0\.1:3002\/s\/dev-1\./);
  });
});
