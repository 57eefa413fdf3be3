/** The customer facts scoring keeps (from `customer upserted`); all '' while the customer is unknown. */
export interface CustomerFactsRow {
  customerId: string;
  language: string;
  segment: string;
  region: string;
  tier: string;
  accountOwnerId: string;
  factsAt: Date;
}

export function unknownCustomer(customerId: string): CustomerFactsRow {
  return { customerId, language: '', segment: '', region: '', tier: '', accountOwnerId: '', factsAt: new Date(0) };
}
