import { UndecodableEventError } from '@nps/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../event.publisher';
import { countDeadLetter } from '../messaging.metrics';
import { DeadLetterHeader } from './dead-letter.headers';
import { RejectedEventError } from '../consumer/rejected-event.error';

export interface Failure {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
  attempts: number;
  firstFailureAt: Date;
}

/** Puts a record that cannot be processed on `<topic>.dlq`, with the reason in headers. */
export class DeadLetterWriter {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly groupId: string,
  ) {}

  /** `topic` is the logical (unprefixed) name; resolves once Kafka has the dead letter. */
  async write(failure: Failure): Promise<void> {
    const { message, error } = failure;
    const headers: IHeaders = {
      ...message.headers,
      [DeadLetterHeader.originTopic]: failure.topic,
      [DeadLetterHeader.originPartition]: String(failure.partition),
      [DeadLetterHeader.originOffset]: message.offset,
      [DeadLetterHeader.consumerGroup]: this.groupId,
      [DeadLetterHeader.errorClass]: error instanceof Error ? error.name : typeof error,
      [DeadLetterHeader.errorMessage]: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      [DeadLetterHeader.reason]: reasonOf(error),
      [DeadLetterHeader.attempts]: String(failure.attempts),
      [DeadLetterHeader.firstFailureAt]: failure.firstFailureAt.toISOString(),
      [DeadLetterHeader.deadLetteredAt]: new Date().toISOString(),
    };
    await this.publisher.publish(`${failure.topic}.dlq`, [{ key: message.key, value: message.value, headers }]);
    countDeadLetter(failure.topic);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof UndecodableEventError) return error.reason;
  return error instanceof RejectedEventError ? 'INVALID_EVENT' : 'HANDLER_FAILED';
}
