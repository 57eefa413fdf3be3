import type { Response } from 'express';

/**
 * The survey page's own content security policy, stricter than every service's default: its one
 * stylesheet and one script come from this origin, nothing inline, nothing framed, forms post back here.
 */
export const SURVEY_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sends one public HTML page (survey, message or unsubscribe page): never cached, under the page's CSP. */
export function sendPublicPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Security-Policy', SURVEY_PAGE_CSP)
    .send(html);
}
