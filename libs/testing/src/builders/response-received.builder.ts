import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';

type ResponseReceivedInit = MessageInitShape<typeof Topics.ResponseReceived.schema>;

/** Builds a valid `response received` event; change only what a test is about. */
export class ResponseReceivedBuilder {
  private readonly event: ResponseReceivedInit;

  constructor() {
    const now = new Date();
    this.event = {
      eventId: randomUUID(),
      occurredAt: timestampFromDate(now),
      customerId: `customer-${randomUUID().slice(0, 8)}`,
      responseId: randomUUID(),
      score: 9,
      comment: '',
      language: 'en',
      touchpointType: 'order-delivered',
      answeredAt: timestampFromDate(now),
    };
  }

  forCustomer(customerId: string): this {
    this.event.customerId = customerId;
    return this;
  }

  withScore(score: number): this {
    this.event.score = score;
    return this;
  }

  withComment(comment: string): this {
    this.event.comment = comment;
    return this;
  }

  build(): ResponseReceivedInit {
    return { ...this.event };
  }
}

export const aResponseReceived = (): ResponseReceivedBuilder => new ResponseReceivedBuilder();
