import { toJson } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Channel, ResponseReceivedSchema, ResponseSource, Topics } from '@nps/contracts';
import { connectKeyStore, type KeyStoreConnection } from '@nps/privacy';
import { expectEventually, launchChromium, serviceBed } from '@nps/testing';
import type { Browser } from 'playwright-core';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

const DUTCH_COMMENT =
  'De bezorger was twee uur te laat en het pakket was beschadigd. Jammer, want het product zelf is prima.';

// The survey page as a customer meets it: Debian's Chromium, the real service process, the real broker.
describe('survey page in a browser', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const kafka = bed.probe(Topics.ResponseReceived);
  let keyStore: KeyStoreConnection;
  beforeAll(async () => {
    keyStore = await connectKeyStore({ url: bed.databaseUrl, schema: bed.privacySchema });
  });
  afterAll(() => keyStore?.close());
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
  });

  const eventsFor = (surveyRequestId: string) =>
    kafka.events(Topics.ResponseReceived).filter((e) => e.message.surveyRequestId === surveyRequestId);

  /** Waits until the outbox is drained, then returns the events of the request (so "exactly one" is checked after everything went out). */
  async function settledEventsFor(surveyRequestId: string) {
    await bed.outboxDrained();
    return expectEventually(() => {
      const events = eventsFor(surveyRequestId);
      expect(events.length).toBeGreaterThan(0);
      return events;
    });
  }

  it.each([
    ['enabled', true],
    ['disabled', false],
  ])(
    'with JavaScript %s: picking 3 and a Dutch comment publishes exactly one response received',
    async (_label, javaScriptEnabled) => {
      const claims = aSurveyLink({ language: 'nl' });
      const link = devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims));
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 375, height: 740 } });
      const page = await context.newPage();

      await page.goto(link);
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      const scale = page.getByRole('group', {
        name: 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?',
      });
      expect(await scale.getByRole('radio').count()).toBe(11);
      await scale.getByRole('radio', { name: '3 van de 10' }).check();
      await page.getByLabel('Waarom geeft u deze score? (optioneel)').fill(DUTCH_COMMENT);
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.getByRole('heading', { name: 'Dank u wel' }).waitFor();
      await context.close();

      const events = await settledEventsFor(claims.surveyRequestId);
      expect(events).toHaveLength(1);
      const event = events[0].message;
      expect(event).toMatchObject({
        score: 3,
        comment: expect.stringMatching(/^enc:v1:/),
        language: 'nl',
        customerId: claims.customerId,
        touchpointId: claims.touchpointId,
        touchpointType: 'order-delivered',
        surveyRequestId: claims.surveyRequestId,
        channel: Channel.EMAIL,
        source: ResponseSource.SURVEY_PAGE,
      });
      expect(await keyStore.text(claims.customerId, event.comment)).toBe(DUTCH_COMMENT);
      expect(event.answeredAt && timestampDate(event.answeredAt).getTime()).toBeGreaterThan(Date.now() - 120000);
      // No contact PII: the contract has no such field, and no value looks like an address or a number.
      expect(ResponseReceivedSchema.fields.map((field) => field.name).join(' ')).not.toMatch(
        /mail|phone|msisdn|address/i,
      );
      const ids = new Set(['eventId', 'responseId', 'occurredAt', 'answeredAt']);
      const texts = Object.entries(toJson(ResponseReceivedSchema, event) as Record<string, unknown>).filter(
        ([name]) => !ids.has(name),
      );
      // Encrypted fields excepted: their key id (a UUID) can hold a run of digits.
      const pii = texts
        .map(([, value]) => String(value))
        .filter((value) => !value.startsWith('enc:v1:'))
        .filter((value) => /@/.test(value) || /\d{8,}/.test(value.replace(/[\s()+-]/g, '')));
      expect(pii).toEqual([]);
    },
  );

  it('with JavaScript enabled: a one-click score from an email is saved by the page script, and a comment revises it', async () => {
    const claims = aSurveyLink({ language: 'en' });
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto(devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims), 9));
    await page.getByText('Thank you, your score 9 is saved. Would you tell us why?').waitFor();
    expect(await page.getByRole('radio', { name: '9 out of 10' }).isChecked()).toBe(true);
    const [received] = await settledEventsFor(claims.surveyRequestId);
    expect(received.message).toMatchObject({ score: 9, comment: '' });
    await page.getByLabel('Why did you give this score? (optional)').fill('Fast delivery');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await context.close();
    expect(eventsFor(claims.surveyRequestId)).toHaveLength(1); // the comment is a revision of it
  });

  it('with JavaScript disabled: a one-click score is only shown until Send confirms it', async () => {
    const claims = aSurveyLink({ language: 'en' });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims), 4));
    await page.getByText('You chose 4. Press Send to save it; a comment is welcome.').waitFor();
    expect(await page.getByRole('radio', { name: '4 out of 10' }).isChecked()).toBe(true);
    await bed.outboxDrained();
    const stored = () =>
      bed.db.query(`SELECT score FROM "${bed.schema}".responses WHERE survey_request_id = $1`, [
        claims.surveyRequestId,
      ]);
    expect((await stored()).rows).toEqual([]);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await context.close();
    expect((await stored()).rows).toEqual([{ score: 4 }]);
    const events = await settledEventsFor(claims.surveyRequestId);
    expect(events.map((e) => e.message.score)).toEqual([4]);
  });

  it('can be answered with the keyboard alone, without JavaScript', async () => {
    const claims = aSurveyLink({ language: 'de' });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims)));
    await page.keyboard.press('Tab'); // into the radio group
    await page.keyboard.press('ArrowRight'); // 0 -> 1 (arrows move and select within a radio group)
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab'); // to the comment
    await page.keyboard.type('Schnelle Lieferung');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vielen Dank' }).waitFor();
    await context.close();
    const events = await settledEventsFor(claims.surveyRequestId);
    expect(events.map((e) => [e.message.score, e.message.language])).toEqual([[8, 'de']]);
    expect(await keyStore.text(claims.customerId, events[0].message.comment)).toBe('Schnelle Lieferung');
  });

  it('shows a localised 400 page for a tampered link and stores nothing', async () => {
    const claims = aSurveyLink({ language: 'de' });
    const token = devLinks(bed.url).sign(claims);
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const page = await context.newPage();
    const response = await page.goto(devLinks(bed.url).pageUrl(tampered));
    expect(response?.status()).toBe(400);
    await page.getByRole('heading', { name: 'Dieser Link funktioniert nicht' }).waitFor();
    const post = await page.request.post(`${bed.url}/s/${tampered}`, { form: { score: '9', comment: 'x' } });
    expect(post.status()).toBe(400);
    await context.close();
    const rows = await bed.db.query(
      `SELECT count(*) AS n FROM "${bed.schema}".responses WHERE survey_request_id = $1`,
      [claims.surveyRequestId],
    );
    expect(Number(rows.rows[0].n)).toBe(0);
  });

  it('names the comment when it is too long, keeps what was typed, and stores nothing', async () => {
    const claims = aSurveyLink({ language: 'en' });
    const tooLong = 'word '.repeat(1001);
    const response = await fetch(devLinks(bed.url).pageUrl(devLinks(bed.url).sign(claims)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: '6', comment: tooLong }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Comment: at most 5,000 characters');
    expect(html).toContain(`${tooLong}</textarea>`);
    expect(html).toMatch(/id="score-6" value="6" checked/);
    await bed.outboxDrained();
    expect(eventsFor(claims.surveyRequestId)).toHaveLength(0);
  });
});
