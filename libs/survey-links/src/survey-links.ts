import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  SURVEY_LANGUAGES,
  SurveyLinkError,
  type SurveyLanguage,
  type SurveyLinkClaims,
  type SurveyLinkPurpose,
} from './survey-link.claims';

interface SigningKey {
  id: string;
  secret: Buffer;
}

/** The compact payload inside a token; short names keep links short. */
interface Payload {
  s: string;
  c: string;
  t: string;
  y: string;
  h: number;
  l: string;
  e: number;
}

/**
 * Signs and verifies survey links: `<kid>.<base64url JSON claims>.<base64url HMAC-SHA256>` where
 * the MAC covers `<kid>.<claims>`. The key id in the token picks the verification key, so keys
 * rotate without breaking links in flight (docs/survey-links.md). Single use and revocation are
 * state, kept by response-ingestion, not in the token. A token is signed for one purpose: an
 * unsubscribe token's MAC covers `unsubscribe.<kid>.<claims>`, so neither kind verifies as the
 * other (ADR 0034); answer tokens keep the MAC they always had, so links in flight keep working.
 */
export class SurveyLinks {
  private readonly keys: ReadonlyMap<string, SigningKey>;
  private readonly signingKey: SigningKey;

  constructor(
    keys: string,
    private readonly pageBaseUrl: string,
  ) {
    const parsed = keys.split(',').map((pair) => {
      const [id, secret] = pair.split(':');
      return { id, secret: Buffer.from(secret, 'utf8') };
    });
    this.keys = new Map(parsed.map((key) => [key.id, key]));
    this.signingKey = parsed[0];
  }

  sign(claims: SurveyLinkClaims, purpose: SurveyLinkPurpose = 'answer'): string {
    const payload: Payload = {
      s: claims.surveyRequestId,
      c: claims.customerId,
      t: claims.touchpointId,
      y: claims.touchpointType,
      h: claims.channel,
      l: claims.language,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
    };
    const body = `${this.signingKey.id}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${body}.${mac(this.signingKey, body, purpose).toString('base64url')}`;
  }

  /**
   * The claims of a genuine, unexpired token of `purpose`; otherwise a SurveyLinkError saying why. `ignoreExpiry`
   * is for opt-outs, which are honoured however old the message is (ADR 0034).
   */
  verify(
    token: string,
    now: Date = new Date(),
    { purpose = 'answer', ignoreExpiry = false }: { purpose?: SurveyLinkPurpose; ignoreExpiry?: boolean } = {},
  ): SurveyLinkClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) {
      throw new SurveyLinkError('malformed', 'the survey link is not a survey link token');
    }
    const [keyId, encodedPayload, signature] = parts;
    const key = this.keys.get(keyId);
    if (!key)
      throw new SurveyLinkError(
        'unknown-key',
        `the survey link was signed with a key that is not configured (${keyId})`,
      );
    const expected = mac(key, `${keyId}.${encodedPayload}`, purpose);
    const given = Buffer.from(signature, 'base64url');
    // Only the canonical spelling counts: a token differs from a genuine one in no character.
    const canonical = given.toString('base64url') === signature;
    if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SurveyLinkError('bad-signature', 'the survey link signature does not match');
    }
    const claims = toClaims(encodedPayload);
    if (!ignoreExpiry && claims.expiresAt.getTime() <= now.getTime())
      throw new SurveyLinkError('expired', `the survey link expired at ${claims.expiresAt.toISOString()}`);
    return claims;
  }

  /** The survey page of a token; with a score, the link that records it (one per number in emails). */
  pageUrl(token: string, score?: number): string {
    const base = `${this.pageBaseUrl.replace(/\/+$/, '')}/s/${token}`;
    return score === undefined ? base : `${base}?score=${score}`;
  }

  /** The unsubscribe page of an unsubscribe token; also the RFC 8058 one-click URL of List-Unsubscribe. */
  unsubscribeUrl(token: string): string {
    return `${this.pageBaseUrl.replace(/\/+$/, '')}/s/unsubscribe/${token}`;
  }
}

function mac(key: SigningKey, body: string, purpose: SurveyLinkPurpose): Buffer {
  // Answer bodies have one dot, unsubscribe bodies two: no body of one purpose is a body of the other.
  const covered = purpose === 'answer' ? body : `${purpose}.${body}`;
  return createHmac('sha256', key.secret).update(covered).digest();
}

/** A correctly signed payload can still be wrong if a key leaked or a signer had a bug: check its shape. */
function toClaims(encodedPayload: string): SurveyLinkClaims {
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8')) as Partial<Payload>;
  } catch {
    throw new SurveyLinkError('malformed', 'the survey link claims are not readable');
  }
  const { s, c, t, y, h, l, e } = payload;
  const strings = [s, c, t, y];
  if (
    !strings.every((value) => typeof value === 'string') ||
    !s ||
    !c ||
    typeof h !== 'number' ||
    typeof e !== 'number' ||
    !isLanguage(l)
  ) {
    throw new SurveyLinkError('malformed', 'the survey link claims are incomplete');
  }
  return {
    surveyRequestId: s,
    customerId: c,
    touchpointId: t as string,
    touchpointType: y as string,
    channel: h,
    language: l,
    expiresAt: new Date(e * 1000),
  };
}

function isLanguage(value: unknown): value is SurveyLanguage {
  return (SURVEY_LANGUAGES as readonly unknown[]).includes(value);
}
