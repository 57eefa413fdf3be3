import { summarize } from '../nps/nps.calculator';
import { type AccountCounts, rankAccounts } from './account-nps.ranking';

const account = (accountId: string, promoters: number, passives: number, detractors: number): AccountCounts => ({
  accountId,
  customers: 1,
  promoters,
  passives,
  detractors,
});

describe('rankAccounts', () => {
  it('lists accounts worst NPS first with the calculator statistics of each', () => {
    const rows = rankAccounts([account('good', 8, 2, 0), account('bad', 1, 1, 8), account('middle', 5, 0, 5)], 1, 10);

    expect(rows.map((row) => [row.accountId, row.nps])).toEqual([
      ['bad', -70],
      ['middle', 0],
      ['good', 80],
    ]);
    expect(rows[0]).toEqual({
      accountId: 'bad',
      customers: 1,
      ...summarize({ promoters: 1, passives: 1, detractors: 8 }),
    });
    expect(rows[0].marginOfError95).toBeGreaterThan(0);
  });

  it.each([
    [
      'equal NPS: the one whose interval reaches less high comes first',
      [account('small', 0, 0, 1), account('large', 0, 0, 20)],
      ['large', 'small'],
    ],
    ['equal NPS and interval: the account id decides', [account('b', 1, 0, 1), account('a', 1, 0, 1)], ['a', 'b']],
  ])('%s', (_, accounts, order) => {
    expect(rankAccounts(accounts, 1, 10).map((row) => row.accountId)).toEqual(order);
  });

  it('leaves out accounts below minN and without answers, and stops at limit', () => {
    const accounts = [
      account('tiny', 0, 0, 2),
      account('empty', 0, 0, 0),
      account('x', 3, 0, 1),
      account('y', 0, 3, 1),
    ];

    expect(rankAccounts(accounts, 3, 10).map((row) => row.accountId)).toEqual(['y', 'x']);
    expect(rankAccounts(accounts, 1, 1).map((row) => row.accountId)).toEqual(['tiny']);
  });
});
