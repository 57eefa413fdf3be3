import { createHash } from 'node:crypto';
import { Channel, OptOutSource, Topics } from '@nps/contracts';
import { expectEventually, serviceBed } from '@nps/testing';
import { smsSignature } from '../src/sms/sms-signature.verifier';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

// The ways out (ADR 0034) against the service process and the real broker: the unsubscribe page and its
// RFC 8058 one-click POST, and SMS stop keywords. Each opt-out is one ContactOptedOut; asking again, a GET
// or a token of the wrong purpose publish nothing.
describe('unsubscribe', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const kafka = bed.probe(Topics.ContactOptedOut, Topics.ResponseReceived);
  const optedOut = (customerId: string) =>
    kafka.events(Topics.ContactOptedOut).filter((e) => e.message.customerId === customerId);
  const links = () => devLinks(bed.url);
  const unsubscribeUrl = (claims = aSurveyLink()) => links().unsubscribeUrl(links().sign(claims, 'unsubscribe'));
  const oneClick = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
  const sms = (body: unknown) => {
    const raw = JSON.stringify(body);
    return fetch(`${bed.url}/sms/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': smsSignature('local-development-only-sms-webhook-secret', raw),
      },
      body: raw,
    });
  };

  it('GET shows a confirmation form in the link language and opts nobody out; the one-click POST does, once', async () => {
    const claims = aSurveyLink({ language: 'de' });
    const url = unsubscribeUrl(claims);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Möchten Sie keine Umfragen mehr von uns erhalten?');
    expect(html).toContain(`<form method="post" action="${new URL(url).pathname}"`);
    expect(html).not.toMatch(/<script>|<style>|style="/);

    const first = await oneClick(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-opt-out')).toBe('opted-out');
    expect(await first.text()).toContain('Sie sind abgemeldet');
    const again = await oneClick(url);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-opt-out')).toBe('already-opted-out');

    await bed.outboxDrained();
    const [event] = await expectEventually(() => {
      expect(optedOut(claims.customerId)).toHaveLength(1);
      return optedOut(claims.customerId);
    });
    expect(event.key).toBe(claims.customerId);
    expect(event.message).toMatchObject({
      customerId: claims.customerId,
      channel: Channel.UNSPECIFIED,
      source: OptOutSource.ONE_CLICK,
      surveyRequestId: claims.surveyRequestId,
    });
  });

  it('the form button (no one-click field) opts out as the unsubscribe page, even after the survey expired', async () => {
    const claims = aSurveyLink({ language: 'nl', expiresAt: new Date(Date.now() - 60_000) });
    const posted = await fetch(unsubscribeUrl(claims), { method: 'POST' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('U bent afgemeld');
    await bed.outboxDrained();
    const [event] = await expectEventually(() => {
      expect(optedOut(claims.customerId)).toHaveLength(1);
      return optedOut(claims.customerId);
    });
    expect(event.message.source).toBe(OptOutSource.UNSUBSCRIBE_PAGE);
  });

  it('an answer token does not unsubscribe, an unsubscribe token does not answer, a changed one does neither', async () => {
    const claims = aSurveyLink();
    const answerToken = links().sign(claims);
    const unsubscribeToken = links().sign(claims, 'unsubscribe');

    const asUnsubscribe = await oneClick(`${bed.url}/s/unsubscribe/${answerToken}`);
    expect(asUnsubscribe.status).toBe(400);
    expect(asUnsubscribe.headers.get('x-refusal-code')).toBe('SURVEY_LINK_BAD_SIGNATURE');
    const tampered = unsubscribeToken.slice(0, -2) + (unsubscribeToken.endsWith('AA') ? 'BB' : 'AA');
    expect((await oneClick(`${bed.url}/s/unsubscribe/${tampered}`)).status).toBe(400);
    const asAnswer = await fetch(`${bed.url}/s/${unsubscribeToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=9',
    });
    expect(asAnswer.status).toBe(400);
    expect(asAnswer.headers.get('x-refusal-code')).toBe('SURVEY_LINK_BAD_SIGNATURE');

    await bed.outboxDrained();
    expect(optedOut(claims.customerId)).toHaveLength(0);
    expect(kafka.events(Topics.ResponseReceived).filter((e) => e.message.customerId === claims.customerId)).toEqual([]);
  });

  it('SMS: STOP is an opt-out answered with a reply to text back, not an answer; a repeat changes nothing', async () => {
    const claims = aSurveyLink({ channel: Channel.SMS, language: 'nl' });
    const messageRef = links().sign(claims);

    const stop = await sms({ messageRef, text: ' Stop! ' });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toEqual({ outcome: 'opted-out', reply: 'We sturen u geen enquêtes meer.' });
    const stopp = await sms({ messageRef, text: 'STOPP' });
    expect(await stopp.json()).toMatchObject({ outcome: 'opted-out' });
    const forged = await sms({ messageRef: `${messageRef.slice(0, -2)}xx`, text: 'STOP' });
    expect(forged.status).toBe(400);

    await bed.outboxDrained();
    const [event] = await expectEventually(() => {
      expect(optedOut(claims.customerId)).toHaveLength(1);
      return optedOut(claims.customerId);
    });
    expect(event.message).toMatchObject({ source: OptOutSource.SMS_KEYWORD, channel: Channel.UNSPECIFIED });
    expect(kafka.events(Topics.ResponseReceived).filter((e) => e.message.customerId === claims.customerId)).toEqual([]);
  });

  it('is rate limited per unsubscribe link, not with every other unsubscribe under one survey-page subject', async () => {
    const url = unsubscribeUrl();
    await fetch(url);
    await oneClick(url);
    const digest = (subject: string) => createHash('sha256').update(subject).digest('base64url');
    const { rows } = await bed.db.query<{ key: string }>(`SELECT key FROM "${bed.schema}".rate_limits`);
    const keys = rows.map((row) => row.key);
    expect(keys).toContain(`unsubscribe:sub:${digest(decodeURIComponent(url.split('/').pop() as string))}`);
    expect(keys).not.toContain(`survey-page:sub:${digest('unsubscribe')}`);
  });
});
