import { Channel } from '@nps/contracts';
import { readCsvRows, readJsonRows, CustomerFileError } from './customer-import.parser';
import { toCustomerContact, type RowProblem } from './customer-row';

const problemsOf = (fields: Record<string, unknown>): Omit<RowProblem, 'line'>[] => {
  const result = toCustomerContact({ line: 7, fields }, 'Europe/Amsterdam');
  return 'problems' in result ? result.problems.map(({ field, reason }) => ({ field, reason })) : [];
};

describe('toCustomerContact', () => {
  it('normalises a good row: lower-case email, E.164 phone, default language and zone, opt-outs as channels', () => {
    const result = toCustomerContact(
      {
        line: 2,
        fields: {
          customerId: 'c-1',
          email: ' Anna@Example.NL ',
          phone: '+31 (6) 1234-5678',
          optOuts: 'sms|webhook',
          preferredChannel: 'SMS',
          accountId: 'acme-bv',
          attributes: { plan: 'yearly', seats: 12 },
        },
      },
      'Europe/Berlin',
    );

    expect(result).toEqual({
      contact: expect.objectContaining({
        customerId: 'c-1',
        email: 'anna@example.nl',
        phone: '+31612345678',
        language: 'en',
        timeZone: 'Europe/Berlin',
        optedOut: false,
        optedOutChannels: [Channel.SMS, Channel.WEBHOOK],
        preferredChannel: Channel.SMS,
        accountId: 'acme-bv',
        attributes: { plan: 'yearly', seats: '12' },
      }),
    });
  });

  it.each([
    [{ email: 'a@b.c' }, 'customerId', 'is required'],
    [{ customerId: 'anna@example.com' }, 'customerId', expect.stringContaining('never an email address')],
    [{ customerId: 'c', email: 'nope' }, 'email', 'is not an email address'],
    [{ customerId: 'c', phone: '0612345678' }, 'phone', expect.stringContaining('international number')],
    [{ customerId: 'c', language: 'fr' }, 'language', 'must be one of en, nl, de'],
    [{ customerId: 'c', timeZone: 'CET+1' }, 'timeZone', expect.stringContaining('IANA')],
    [{ customerId: 'c', optOuts: 'carrier-pigeon' }, 'optOuts', expect.stringContaining('carrier-pigeon')],
    [{ customerId: 'c', preferredChannel: 'fax' }, 'preferredChannel', 'must be email, sms or webhook'],
    [{ customerId: 'c', preferredChannel: 'toString' }, 'preferredChannel', 'must be email, sms or webhook'],
    [{ customerId: 'c', optOuts: 'constructor' }, 'optOuts', expect.stringContaining('constructor')],
    [{ customerId: 'c', webhookUrl: 'ftp://x' }, 'webhookUrl', 'must be an http(s) URL'],
    [{ customerId: 'c', accountId: 'ACME B.V.' }, 'accountId', expect.stringContaining("organisation's id")],
    [
      { customerId: 'c', attributes: { mobile: '+31612345678' } },
      'attributes',
      expect.stringContaining('phone number'),
    ],
    [{ customerId: 'c', shoeSize: '42' }, 'shoeSize', expect.stringContaining('not a customer field')],
    [{ customerId: 'c', name: 'x'.repeat(201) }, 'name', 'must be at most 200 characters'],
  ])('rejects %j: %s %s', (fields, field, reason) => {
    expect(problemsOf(fields)).toEqual([{ field, reason }]);
  });

  it('reports every bad field of a row at once, with the row line', () => {
    const result = toCustomerContact({ line: 9, fields: { customerId: 'c', email: 'x', language: 'xx' } }, 'UTC');

    expect(result).toEqual({
      problems: [
        expect.objectContaining({ line: 9, field: 'email' }),
        expect.objectContaining({ line: 9, field: 'language' }),
      ],
    });
  });
});

describe('reading import files', () => {
  it('reads CSV headers in any case style, attr. columns as attributes, and the line each row ends on', () => {
    const rows = readCsvRows(
      'Customer ID,Email,account_owner_id,attr.plan\nc-1,a@b.nl,o-1,gold\n\n"c-2","multi\nline@b.nl",,\nc-3,too,many,values,here\n',
    );

    expect(rows).toEqual([
      { line: 2, fields: { customerId: 'c-1', email: 'a@b.nl', accountOwner: 'o-1', attributes: { plan: 'gold' } } },
      { line: 5, fields: { customerId: 'c-2', email: 'multi\nline@b.nl' } },
      { line: 6, fields: {}, unreadable: 'has 5 values, the header 4' },
    ]);
  });

  it('says why a file cannot be read at all', () => {
    expect(() => readCsvRows('')).toThrow(CustomerFileError);
    expect(() => readCsvRows('a,"b\n')).toThrow(/not readable as CSV/);
    expect(() => readJsonRows({ people: [] })).toThrow(/expected a JSON array/);
  });

  it('numbers JSON rows by their position and accepts {"customers": [...]}', () => {
    expect(readJsonRows({ customers: [{ customerId: 'a' }, 5] })).toEqual([
      { line: 1, fields: { customerId: 'a' } },
      { line: 2, fields: {}, unreadable: 'is not a JSON object' },
    ]);
  });
});
