import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { Topics } from '@nps/contracts';
import type { CustomerContact } from './customer-row';

/**
 * The public facts of a contact: everything but email, phone and webhook URL, which stay in this service.
 * `sealedName`: the name encrypted for the customer (docs/adr/0037).
 */
export function customerUpsertedOf(
  contact: CustomerContact,
  sealedName: string,
  occurredAt: Date,
): MessageInitShape<typeof Topics.CustomerUpserted.schema> {
  return {
    occurredAt: timestampFromDate(occurredAt),
    customerId: contact.customerId,
    name: sealedName,
    language: contact.language,
    segment: contact.segment,
    region: contact.region,
    tier: contact.tier,
    accountOwnerId: contact.accountOwnerId,
    accountId: contact.accountId,
    optedOut: contact.optedOut,
    optedOutChannels: contact.optedOutChannels,
    timeZone: contact.timeZone,
    attributes: contact.attributes,
  };
}
