/** The customer facts scoring keeps (from `customer upserted`); all '' while the customer is unknown. */
export interface CustomerFactsRow {
  customerId: string;
  language: string;
  segment: string;
  region: string;
  tier: string;
  accountOwnerId: string;
  /** The customer organisation (B2B account) or ''. */
  accountId: string;
  factsAt: Date;
}

export function unknownCustomer(customerId: string): CustomerFactsRow {
  return {
    customerId,
    language: '',
    segment: '',
    region: '',
    tier: '',
    accountOwnerId: '',
    accountId: '',
    factsAt: new Date(0),
  };
}
