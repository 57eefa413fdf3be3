import { Topics } from '@nps/contracts';
import { connectKeyStore, maskPii } from '@nps/privacy';
import { anEvent, expectEventually, HttpReceiver, serviceBed, SmtpInbox } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// A comment leaves case-management (email, team webhook) with contact details masked; the case keeps it whole.
describe('notifications mask personal data in the comment (#19)', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let smtp: SmtpInbox;
  let webhook: HttpReceiver;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    webhook = await HttpReceiver.start();
    const service = await bed.start({
      SMTP_URL: smtp.url,
      NOTIFY_WEBHOOK_URL: webhook.url('/hooks/cases'),
      NOTIFY_INTERVAL_MS: '100',
      ...issuer.env,
    });
    await setUpTeam(service.url, await issuer.token('adam'), {
      id: 'privacy-care',
      members: [{ id: 'petra' }],
      rule: { id: 'everyone', position: 10, conditions: {} },
      language: 'nl',
    });
  }, 120000);

  afterAll(async () => {
    await smtp?.stop();
    await webhook?.stop();
  });

  it('sends [phone], [email] and [order] instead of the number, the address and the order number', async () => {
    const comment = 'Bel me terug op 06-12345678 of +31 20 123 4567, mail petra.klant@voorbeeld.nl, bestelling 4711471';
    const detractor = anEvent(Topics.DetractorIdentified, { score: 1, comment, customer: { accountOwnerId: 'petra' } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);

    const mail = await smtp.waitFor('petra@example.com');
    expect(mail.text).toContain('opmerking: "Bel me terug op [phone] of [phone], mail [email], [order]"');
    for (const personal of ['06-12345678', '123 4567', 'petra.klant@voorbeeld.nl', '4711471'])
      expect(mail.text).not.toContain(personal);

    const post = await expectEventually(() => {
      const [request] = webhook.requests;
      if (!request) throw new Error('no webhook post yet');
      return JSON.parse(request.body) as { text: string };
    });
    expect(post.text).toContain('Bel me terug op [phone] of [phone]');
    expect(post.text).not.toContain('06-12345678');

    // The case itself, read by the people who follow it up, keeps the comment as the customer wrote it.
    const [stored] = await bed.rows('SELECT comment FROM $schema.cases WHERE response_id = $1', [detractor.responseId]);
    expect(stored).toEqual({ comment });
    // The notification rows, kept for retries and shown on the case, hold the masked text only.
    const queued = await bed.rows<{ body: string }>(
      'SELECT n.body FROM $schema.notifications n JOIN $schema.cases c ON c.id = n.case_id WHERE c.response_id = $1',
      [detractor.responseId],
    );
    expect(queued.length).toBeGreaterThan(0);
    for (const { body } of queued) expect(body).not.toContain('06-12345678');
  });

  it('decrypts an encrypted comment into the case and a name into the customer; notifications stay masked', async () => {
    const keyStore = await connectKeyStore({ url: bed.databaseUrl, schema: bed.privacySchema });
    try {
      const detractor = anEvent(Topics.DetractorIdentified, { score: 1, customer: { accountOwnerId: 'petra' } });
      const customerId = detractor.customerId as string;
      const comment = 'Bel me op 06-87654321, het duurde te lang';
      const seal = (text: string) => keyStore.fields.encrypt(customerId, text);
      const name = await seal('Petra Klant');
      await bed.publish(Topics.CustomerUpserted, anEvent(Topics.CustomerUpserted, { customerId, name }));
      const sealed = { comment: await seal(comment), maskedComment: await seal(maskPii(comment).text) };
      expect(sealed.comment).toMatch(/^enc:v1:/);
      await bed.publish(Topics.DetractorIdentified, [{ ...detractor, ...sealed }]);

      await expectEventually(async () => {
        const stored = await bed.rows('SELECT comment FROM $schema.cases WHERE response_id = $1', [
          detractor.responseId,
        ]);
        expect(stored).toEqual([{ comment }]);
      });
      // The customer upsert travels on another topic than the detractor: its row may come after the case.
      await expectEventually(async () =>
        expect(await bed.rows('SELECT name FROM $schema.customers WHERE customer_id = $1', [customerId])).toEqual([
          { name: 'Petra Klant' },
        ]),
      );
      const queued = await expectEventually(async () => {
        const rows = await bed.rows<{ body: string }>(
          'SELECT n.body FROM $schema.notifications n JOIN $schema.cases c ON c.id = n.case_id WHERE c.response_id = $1',
          [detractor.responseId],
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows;
      });
      for (const { body } of queued) {
        expect(body).not.toContain('06-87654321');
        expect(body).not.toContain('enc:v1:');
      }
    } finally {
      await keyStore.close();
    }
  });
});
