import { type NpsCounts, type NpsSummary, summarize } from '../nps/nps.calculator';

/** Answers of one account in the period, counted over the newest revision of each response. */
export interface AccountCounts extends NpsCounts {
  accountId: string;
  /** Customers of the account who answered. */
  customers: number;
}

export type AccountNpsRow = { accountId: string; customers: number } & NpsSummary;

/**
 * Account NPS rows, worst first: lowest NPS, then the upper end of the 95% interval (a small account is not ranked
 * worse than a large one with the same NPS unless its interval is too), then the larger sample, then the id.
 */
export function rankAccounts(accounts: AccountCounts[], minN: number, limit: number): AccountNpsRow[] {
  const rows: AccountNpsRow[] = [];
  for (const { accountId, customers, promoters, passives, detractors } of accounts) {
    const summary = summarize({ promoters, passives, detractors });
    if (summary && summary.n >= minN) rows.push({ accountId, customers, ...summary });
  }
  return rows
    .sort(
      (a, b) =>
        a.nps - b.nps ||
        a.interval95[1] - b.interval95[1] ||
        b.n - a.n ||
        (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
    )
    .slice(0, limit);
}
