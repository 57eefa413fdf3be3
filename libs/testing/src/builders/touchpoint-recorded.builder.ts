import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, Topics } from '@nps/contracts';

type TouchpointRecordedInit = MessageInitShape<typeof Topics.TouchpointRecorded.schema>;

/** Builds a valid `touchpoint recorded` event (an order delivered on the web); change only what a test is about. */
export class TouchpointRecordedBuilder {
  private readonly event: TouchpointRecordedInit;

  constructor() {
    this.event = {
      eventId: randomUUID(),
      occurredAt: timestampFromDate(new Date()),
      customerId: `customer-${randomUUID().slice(0, 8)}`,
      touchpointId: `order-${randomUUID().slice(0, 8)}`,
      type: 'order-delivered',
      channel: Channel.WEB,
      attributes: {},
    };
  }

  forCustomer(customerId: string): this {
    this.event.customerId = customerId;
    return this;
  }

  /** The touchpoint's id in its source system; the same id again is a duplicate touchpoint. */
  withTouchpointId(touchpointId: string): this {
    this.event.touchpointId = touchpointId;
    return this;
  }

  ofType(type: string): this {
    this.event.type = type;
    return this;
  }

  withAttributes(attributes: Record<string, string>): this {
    this.event.attributes = attributes;
    return this;
  }

  build(): TouchpointRecordedInit {
    return { ...this.event };
  }
}

export const aTouchpointRecorded = (): TouchpointRecordedBuilder => new TouchpointRecordedBuilder();
