import { notificationLanguage, notificationText } from './notification.messages';

describe('notification messages', () => {
  const facts = {
    kind: 'assigned' as const,
    case: { score: 2, priority: 'high' as const, comment: 'Te laat' },
    recipientName: 'Anna',
    why: 'account owner',
    firstContactDue: 'morgen 16:00 (Europe/Amsterdam, 2026-12-03T15:00:00.000Z)',
    resolutionDue: 'vrijdag 12:00 (Europe/Amsterdam, 2026-12-04T11:00:00.000Z)',
  };

  it.each([
    ['nl', { text: 'nl', locale: 'nl' }],
    ['nl-BE', { text: 'nl', locale: 'nl-BE' }],
    ['en-GB', { text: 'en', locale: 'en-GB' }],
    // No German text: English throughout, so the dates match the sentences.
    ['de', { text: 'en', locale: 'en' }],
  ])('%s', (team, expected) => expect(notificationLanguage(team)).toEqual(expected));

  it('writes the Dutch text of a Dutch team', () => {
    expect(notificationText('nl', facts)).toEqual({
      subject: 'Nieuwe NPS-opvolgzaak (score 2, high)',
      lines: [
        'Anna, er is een opvolgzaak aan je toegewezen: account owner.',
        'Score 2, opmerking: "Te laat".',
        `Eerste contact uiterlijk ${facts.firstContactDue}, oplossing uiterlijk ${facts.resolutionDue}.`,
      ],
    });
  });

  it('masks contact details and order numbers in the comment', () => {
    const comment = 'Bel me op 06-12345678 of mail anna@voorbeeld.nl over bestelling 1234567';
    const { lines } = notificationText('nl', { ...facts, case: { ...facts.case, comment } });
    expect(lines[1]).toBe('Score 2, opmerking: "Bel me op [phone] of mail [email] over [order]".');
  });

  it('writes the English text of an escalation', () => {
    const escalated = notificationText('en', { ...facts, kind: 'escalated', case: { ...facts.case, comment: '' } });
    expect(escalated.subject).toBe('Escalated NPS case (score 2, high)');
    expect(escalated.lines.slice(0, 2)).toEqual(['Anna, a case was escalated to you: account owner.', 'Score 2.']);
  });
});
