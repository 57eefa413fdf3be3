import { expectEventually, serviceBed } from '@nps/testing';
import { summarize } from '../src/nps/nps.calculator';
import { answerOf, aResponseSpec, customerOf, revisionOf, type ResponseSpec } from './scoring.events';

const customer = (customerId: string, accountId: string) =>
  customerOf({
    customerId,
    accountId,
    language: 'en',
    segment: 'enterprise',
    region: 'uk',
    tier: 'gold',
    accountOwnerId: '',
    factsAt: new Date('2025-01-01T00:00:00Z'),
  });

let next = 0;
const answer = (customerId: string, score: number, answeredAt = '2025-03-10T12:00:00Z'): ResponseSpec =>
  aResponseSpec({
    responseId: `acc-${next++}`,
    customerId,
    score,
    answeredAt: new Date(answeredAt),
    touchpointType: 'ticket-closed',
  });

interface AccountRow {
  accountId: string;
  customers: number;
  n: number;
  nps: number;
  marginOfError95: number;
}

// NPS per B2B account from scored responses joined to the customer projection's account_id (docs/outer-loop.md).
describe('account NPS', () => {
  const bed = serviceBed({ service: 'scoring' });
  const get = async (path: string, person = 'nina') => {
    const response = await fetch(`${bed.url}${path}`, {
      headers: { authorization: `Bearer ${await bed.tokenFor(person)}` },
    });
    return { status: response.status, body: (await response.json()) as { rows: AccountRow[]; fields?: unknown[] } };
  };

  it('ranks accounts worst first with n and margin of error over the period, newest revision counting', async () => {
    // acme: two customers, 1 promoter, 1 passive, 3 detractors (one revised from 9 to 2) in March; globex: 3 promoters,
    // 1 detractor; a consumer without account; answers in February are outside the period. The revision comes on
    // April 1st and the answer stays on its day in March, as in the rollups.
    const revised = answer('acme-1', 9, '2025-03-31T23:59:30Z');
    revised.revisions = [{ revision: 1, score: 2 }];
    const answers = [
      answer('acme-1', 10),
      answer('acme-1', 8),
      answer('acme-2', 3),
      answer('acme-2', 0),
      revised,
      answer('globex-1', 9),
      answer('globex-1', 10),
      answer('globex-1', 9),
      answer('globex-1', 6),
      answer('consumer', 0),
      answer('acme-2', 10, '2025-02-20T12:00:00Z'),
      answer('globex-1', 0, '2025-02-28T23:30:00Z'),
    ];
    await bed.publishRecords([
      customer('acme-1', 'acme'),
      customer('acme-2', 'acme'),
      customer('globex-1', 'globex'),
      customer('consumer', ''),
      ...answers.map(answerOf),
      revisionOf(revised, 0),
    ]);

    const period = '/nps/accounts?from=2025-03-01&to=2025-03-31';
    const { body } = await expectEventually(
      async () => {
        const result = await get(period);
        expect(result.body.rows.map((row) => [row.accountId, row.n])).toEqual([
          ['acme', 5],
          ['globex', 4],
        ]);
        // The revision changes no count, only acme's NPS: wait for it too, it may still be in flight.
        expect(result.body.rows[0].nps).toBe(-40);
        return result;
      },
      { timeoutMs: 60000 },
    );
    const acme = summarize({ promoters: 1, passives: 1, detractors: 3 });
    expect(body.rows[0]).toMatchObject({ accountId: 'acme', customers: 2, nps: -40, n: 5 });
    expect(body.rows[0].marginOfError95).toBeCloseTo(acme?.marginOfError95 ?? NaN, 10);
    expect(body.rows[1]).toMatchObject({ accountId: 'globex', customers: 1, nps: 50, promoters: 3, detractors: 1 });
    expect(body).toMatchObject({ from: '2025-03-01', to: '2025-03-31', timeZone: 'UTC' });

    // 2025-02-28T23:30Z is already March 1st in Amsterdam. February's answers come after the March ones awaited
    // above, so they are awaited too.
    await expectEventually(async () => {
      const local = await get('/nps/accounts?from=2025-03-01&to=2025-03-31&timeZone=Europe/Amsterdam');
      expect(local.body.rows.find((row) => row.accountId === 'globex')).toMatchObject({ n: 5, nps: 20 });
    });
    expect((await get(`${period}&minN=5`)).body.rows.map((row) => row.accountId)).toEqual(['acme']);
    await expectEventually(async () =>
      expect((await get('/nps/accounts?from=2025-02-01&to=2025-02-28')).body.rows).toEqual([
        expect.objectContaining({ accountId: 'globex', n: 1, nps: -100 }),
        expect.objectContaining({ accountId: 'acme', n: 1, nps: 100 }),
      ]),
    );
  });

  it.each([
    ['/nps/accounts?from=2025-03-31&to=2025-03-01', 'to'],
    ['/nps/accounts?from=2025-02-30', 'from'],
    ['/nps/accounts?minN=0', 'minN'],
    ['/nps/accounts?limit=many', 'limit'],
    ['/nps/accounts?timeZone=Mars/Base', 'timeZone'],
  ])('answers %s with a 400 naming %s', async (path, field) => {
    const { status, body } = await get(path);

    expect(status).toBe(400);
    expect(body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('is for analysts, leads and admins, not agents', async () => {
    expect((await get('/nps/accounts', 'alice')).status).toBe(403);
    expect((await get('/nps/accounts', 'adam')).status).toBe(200);
  });
});
