import { serviceBed } from '@nps/testing';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

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
});
