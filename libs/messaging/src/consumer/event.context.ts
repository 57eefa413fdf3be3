import { BaseRpcContext } from '@nestjs/microservices';
import type { CloudEventAttributes } from '@nps/contracts';
import type { UnitOfWork } from '../outbox/unit-of-work';

export interface KafkaPosition {
  topic: string;
  partition: number;
  offset: string;
}

type EventContextArgs = [UnitOfWork, CloudEventAttributes, KafkaPosition, number];

/** What a handler gets besides the event: its transaction, the CloudEvents attributes, where the record sits. */
export class EventContext extends BaseRpcContext<EventContextArgs> {
  /** State changes and outgoing events of this handler: committed together with the inbox entry. */
  get unitOfWork(): UnitOfWork {
    return this.args[0];
  }

  get attributes(): CloudEventAttributes {
    return this.args[1];
  }

  get position(): KafkaPosition {
    return this.args[2];
  }

  /** 1 on first delivery to the handler, higher on retries. */
  get attempt(): number {
    return this.args[3];
  }
}
