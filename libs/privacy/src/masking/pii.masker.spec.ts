import fc from 'fast-check';
import { maskPii } from './pii.masker';

const masked = (text: string) => maskPii(text).text;

describe('maskPii', () => {
  it.each([
    // English
    ['Mail me at john.doe+nps@example.co.uk please', 'Mail me at [email] please', ['email']],
    ['Call me on +44 20 7946 0958 or 07700 900123.', 'Call me on [phone] or [phone].', ['phone']],
    ['US office: (415) 555-2671, or 415.555.2671', 'US office: [phone], or [phone]', ['phone']],
    ['Call 1-415-555-2671 today', 'Call [phone] today', ['phone']],
    ['Order #123456 never arrived', 'Order [order] never arrived', ['order']],
    ['my order number: 9876543 was late', 'my [order] was late', ['order']],
    ['Refund to GB82 WEST 1234 5698 7654 32 thanks', 'Refund to [iban] thanks', ['iban']],
    // Dutch
    ['Bel me op 06-12345678 of 06 12 34 56 78', 'Bel me op [phone] of [phone]', ['phone']],
    ['Ons nummer is 020 123 4567 en +31 (0)20 123 4567', 'Ons nummer is [phone] en [phone]', ['phone']],
    ['Mijn bestelling 12345678 kwam niet', 'Mijn [order] kwam niet', ['order']],
    ['Terugstorten op NL91 ABNA 0417 1643 00 graag', 'Terugstorten op [iban] graag', ['iban']],
    ['iban nl91abna0417164300.', 'iban [iban].', ['iban']],
    ['Mail: anneke@voorbeeld.nl, tel 0031 6 12345678', 'Mail: [email], tel [phone]', ['email', 'phone']],
    // German
    ['Rufen Sie mich an: 030 1234567 oder 0171/1234567', 'Rufen Sie mich an: [phone] oder [phone]', ['phone']],
    ['Festnetz (030) 123 456 78, mobil +49 171 1234567', 'Festnetz [phone], mobil [phone]', ['phone']],
    ['Meine Bestellung 4711471 kam nie an', 'Meine [order] kam nie an', ['order']],
    ['Bestellnummer: 20251234 fehlt', '[order] fehlt', ['order']],
    ['Erstattung an DE89 3704 0044 0532 0130 00', 'Erstattung an [iban]', ['iban']],
    ['Schreiben Sie an jürgen.müller@bäckerei.de', 'Schreiben Sie an [email]', ['email']],
    ['Zentrale 0049 (0)30 1234567, Handy 0151\u00a012345678', 'Zentrale [phone], Handy [phone]', ['phone']],
    ['UK: +44 (0)20 7946 0958; NL: 0031-6-12345678', 'UK: [phone]; NL: [phone]', ['phone']],
    ['Bestelnummer #98765 en e-mail info@winkel.nl.', 'Bestelnummer [order] en e-mail [email].', ['email', 'order']],
  ])('%s', (text, expected, found) => expect(maskPii(text)).toEqual({ text: expected, found }));

  it.each([
    // dates, times, scores, amounts, years, versions, ordinary numbers
    'Delivered on 02-12-2026 at 10:30, ordered 2026-11-20',
    'Geleverd op 02.12.2026 10 uur, besteld op 20/11/2026 14 uur',
    'Score 2/10, I gave 0 / 10 last time; 0 10 10 10 10 are my scores',
    'It cost €1.234,56 and $1,299.99, or 1 000 000 rupiah, 0,99 per piece',
    'Customer since 1999, between 2019-2024 fine, 2025 bad',
    'Kostet 12.345.678 Euro, Preis 0.99',
    'Version 10.2.3.4 and build 12345',
    'Wachtte 45 minuten, 3 keer gebeld, 14 dagen te laat',
    'Order 12 arrived, bestelling 2024 was goed',
    'Ik gaf een 3, vorige keer een 8 op 10; 10/10 zou ik niet geven',
    'Lieferung am 3.12. um 14:30 statt 09:00, Rechnung über 1.299,00 € (Top 5 Problem)',
    'Wartezeit 0:45 h, 24/7 erreichbar, 100% unzufrieden, Tel. nicht erreichbar',
    'Called 3 times on 12/02/2026 and 12/03/2026 about $49.99',
    // the shape of an IBAN whose check digits are wrong: an ordinary code
    'Invoice code DE12 3456 7890 1234 5678 90',
    // not an email
    'Rate @ 5 stars, user@localhost, a@b.c1',
  ])('leaves alone: %s', (text) => expect(maskPii(text)).toEqual({ text, found: [] }));

  it('masks only the kinds asked for', () => {
    expect(maskPii('a@example.com 06-12345678', { kinds: ['phone'] })).toEqual({
      text: 'a@example.com [phone]',
      found: ['phone'],
    });
  });

  it('takes configured order patterns instead of the defaults', () => {
    const options = { orderPatterns: [/\bNPS-\d{6}\b/] };
    expect(maskPii('Ticket NPS-123456, order #123456', options)).toEqual({
      text: 'Ticket [order], order #123456',
      found: ['order'],
    });
  });

  it('keeps letters of other scripts and emoji around a masked number', () => {
    expect(masked('電話 +81 3 1234 5678 🙂 здравствуйте, Ålesund')).toBe('電話 [phone] 🙂 здравствуйте, Ålesund');
  });

  it('finishes on long adversarial inputs', () => {
    const adversarial = [
      'a'.repeat(200_000), // a local part that never meets an @
      `${'a.'.repeat(100_000)}@`,
      'x@'.repeat(100_000),
      `${'a@b'.repeat(50_000)}.`,
      `a@${'b-'.repeat(100_000)}`,
      `a@${'b.'.repeat(100_000)}`,
      `${'x'.repeat(64)}@${`${'c'.repeat(63)}.`.repeat(3_000)}`,
      '0 '.repeat(100_000),
      '06-'.repeat(100_000),
      '1'.repeat(200_000),
      '(0'.repeat(100_000),
      `NL91${' A'.repeat(100_000)}`,
      'NL91ABNA'.repeat(25_000),
      'order '.repeat(40_000),
      '#'.repeat(200_000),
    ];
    for (const input of adversarial) expect(masked(input).length).toBeGreaterThan(0);
  });

  it('is idempotent', () => {
    const fragments = fc.constantFrom(
      'john@example.com',
      '06-12345678',
      '+31 6 12345678',
      '(415) 555-2671',
      'NL91 ABNA 0417 1643 00',
      'order 123456',
      '#12345',
      'bestelling',
      '2026-12-02',
      '€ 12,50',
      '@',
      '.',
      '-',
      '(',
      ')',
      '+',
      '#',
      ' ',
      '0',
      '06',
      'é',
    );
    const texts = fc.oneof(
      fc.array(fc.oneof(fragments, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const once = masked(text);
        expect(masked(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
