import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import type { EventTopic } from '@nps/contracts';

/** What a service definition's first-start hook may do with the bed that started it (ServiceBed is one). */
export interface StartedBed {
  publish<Desc extends DescMessage>(
    topic: EventTopic<Desc>,
    messages: MessageInitShape<Desc> | MessageInitShape<Desc>[],
  ): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
