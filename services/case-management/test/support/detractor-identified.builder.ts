import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Channel, Topics } from '@nps/contracts';

type DetractorInit = MessageInitShape<typeof Topics.DetractorIdentified.schema>;
interface Facts {
  language: string;
  segment: string;
  region: string;
  tier: string;
  accountOwnerId: string;
}

/** A valid `detractor identified`; change only what a test is about. */
export class DetractorIdentifiedBuilder {
  private readonly event: DetractorInit;
  private facts: Facts = { language: 'nl', segment: 'consumer', region: 'benelux', tier: 'standard', accountOwnerId: '' };

  constructor() {
    const now = timestampFromDate(new Date());
    this.event = {
      eventId: randomUUID(),
      occurredAt: now,
      customerId: `customer-${randomUUID().slice(0, 8)}`,
      responseId: randomUUID(),
      revision: 0,
      withdrawn: false,
      score: 2,
      comment: '',
      answeredAt: now,
      touchpointId: `order-${randomUUID().slice(0, 6)}`,
      touchpointType: 'order-delivered',
      channel: Channel.EMAIL,
    };
  }

  forCustomer(customerId: string): this {
    this.event.customerId = customerId;
    return this;
  }

  forResponse(responseId: string): this {
    this.event.responseId = responseId;
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

  withFacts(facts: Partial<Facts>): this {
    this.facts = { ...this.facts, ...facts };
    return this;
  }

  /** A later revision of the same response; withdrawn when the new score is no longer a detractor's. */
  revised(revision: number, score: number, comment = ''): this {
    Object.assign(this.event, { eventId: randomUUID(), revision, score, comment, withdrawn: score >= 7 });
    return this;
  }

  build(): DetractorInit {
    return { ...this.event, customer: { ...this.facts } } as DetractorInit;
  }
}

export const aDetractorIdentified = (): DetractorIdentifiedBuilder => new DetractorIdentifiedBuilder();
