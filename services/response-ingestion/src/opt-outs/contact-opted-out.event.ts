import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Topics } from '@nps/contracts';
import type { OptOutRecord } from './opt-out.repository';

type OptedOutInit = MessageInitShape<typeof Topics.ContactOptedOut.schema>;

/** `contact opted out` for a stored opt-out; no contact details, only the customer id. */
export function contactOptedOut(optOut: OptOutRecord): OptedOutInit {
  return {
    eventId: optOut.eventId,
    occurredAt: timestampFromDate(optOut.optedOutAt),
    customerId: optOut.customerId,
    channel: optOut.channel,
    source: optOut.source,
    surveyRequestId: optOut.surveyRequestId,
  };
}
