import { Channel } from '@nps/contracts';
import { serviceBed } from '@nps/testing';
import { smsSignature } from '../src/sms/sms-signature.verifier';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

const SMS_SECRET = 'local-development-only-sms-webhook-secret';

// The hardened public surface of the service process (docs/security.md, Public surface).
describe('public surface', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const pageOf = (claims = aSurveyLink({ language: 'en' })) =>
    devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims));

  it('sends security headers on every response and a strict policy without inline script on the survey page', async () => {
    const page = await fetch(pageOf());
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=/i);
    for (const response of [page, await fetch(`${bed.url}/health/ready`), await fetch(`${bed.url}/docs-json`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toBeNull(); // off unless configured
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const css = await fetch(`${bed.url}/survey-assets/survey-page.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${bed.url}/survey-assets/..%2Fsurvey-page.controller.ts`)).status).toBe(404);
  });

  it('sends HSTS once HTTP_HSTS_MAX_AGE_SECONDS is set, as production behind https does', async () => {
    const second = await bed.start({ HTTP_HSTS_MAX_AGE_SECONDS: '31536000' });
    try {
      const page = await fetch(`${second.url}/health/ready`);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await second.process.stop('SIGTERM');
    }
  });

  it('takes an SMS reply only with the gateway signature of its exact bytes: anything else is a 401 problem', async () => {
    const body = JSON.stringify({
      messageRef: devLinks(bed.url).sign(aSurveyLink({ channel: Channel.SMS })),
      text: '8 prima',
    });
    const send = (headers: Record<string, string>, raw = body) =>
      fetch(`${bed.url}/sms/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: raw,
      });
    const signed = smsSignature(SMS_SECRET, body);
    for (const refused of [
      await send({}),
      await send({ 'x-signature': 'sha256=' + '0'.repeat(64) }),
      await send({ 'x-signature': smsSignature('not-the-shared-secret', body) }),
      await send({ 'x-signature': signed }, body.replace('8 prima', '0 prima')), // tampered in transit
      await send({ 'x-signature': signed.slice(7) }), // bare hex, no scheme
    ]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 401, code: 'SMS_SIGNATURE_INVALID' });
    }
    const accepted = await send({ 'x-signature': signed });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ outcome: 'received', score: 8, comment: 'prima' });
  });
});
