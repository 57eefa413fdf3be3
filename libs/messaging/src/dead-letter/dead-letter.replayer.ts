import { Kafka, type IHeaders, type KafkaMessage } from 'kafkajs';
import { EventPublisher } from '../event.publisher';
import { kafkaConfig, physicalTopic, type KafkaConnection } from '../kafka.options';
import { DeadLetterHeader, isDeadLetterHeader, REPLAYED_FROM_HEADER } from './dead-letter.headers';

export interface DeadLetter {
  offset: string;
  key: string | null;
  originTopic: string;
  originPartition: string;
  originOffset: string;
  consumerGroup: string;
  reason: string;
  errorClass: string;
  errorMessage: string;
  attempts: string;
  firstFailureAt: string;
}

export interface ReplayOptions {
  /** Only dead letters of this consumer group (they go back to a topic every group reads). */
  consumerGroup?: string;
  /** Undecodable records fail again on replay; they are skipped unless this is set. */
  includeUndecodable?: boolean;
}

/** Prefix of the consumer groups that remember how far dead letters were replayed. */
export const REPLAYER_GROUP = 'nps-dlq-replayer';

/** Lists the dead letters of a topic, and puts them back on their topic once each (`npm run dlq`). */
export class DeadLetterReplayer {
  private readonly kafka: Kafka;

  constructor(private readonly connection: KafkaConnection) {
    this.kafka = new Kafka(kafkaConfig(connection));
  }

  /** Every dead letter of `topic` still retained, oldest first. */
  async list(topic: string): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    await this.readPending(
      topic,
      `${REPLAYER_GROUP}.list.${Date.now()}`,
      false,
      async (message) => void letters.push(describe(message)),
    );
    return letters;
  }

  /** Republishes the pending dead letters of `topic` to it; returns how many went back. */
  async replay(topic: string, options: ReplayOptions = {}): Promise<number> {
    const publisher = new EventPublisher({ ...this.connection, clientId: `${this.connection.clientId}-replayer` });
    await publisher.onModuleInit();
    let replayed = 0;
    try {
      // Progress is kept per consumer group, so replaying one group's letters skips no other's.
      await this.readPending(topic, `${REPLAYER_GROUP}.${options.consumerGroup ?? 'all'}`, true, async (message) => {
        const letter = describe(message);
        if (options.consumerGroup && letter.consumerGroup !== options.consumerGroup) return;
        if (letter.reason !== 'HANDLER_FAILED' && !options.includeUndecodable) return;
        await publisher.publish(topic, [{ key: message.key, value: message.value, headers: originalHeaders(message) }]);
        replayed += 1;
      });
    } finally {
      await publisher.onApplicationShutdown();
    }
    return replayed;
  }

  /** Reads `<topic>.dlq` from the group's position up to its end as of now, then stops. */
  private async readPending(
    topic: string,
    groupId: string,
    commit: boolean,
    visit: (message: KafkaMessage) => Promise<void>,
  ): Promise<void> {
    const dlq = physicalTopic(`${topic}.dlq`, this.connection.topicPrefix);
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = new Map((await admin.fetchTopicOffsets(dlq)).map((p) => [p.partition, BigInt(p.high)]));
    const [committed] = await admin.fetchOffsets({ groupId, topics: [dlq] });
    await admin.disconnect();
    const remaining = new Set(
      committed.partitions
        .filter((p) => (p.offset === '-1' ? 0n : BigInt(p.offset)) < (ends.get(p.partition) ?? 0n))
        .map((p) => p.partition),
    );
    if (remaining.size === 0) return;
    const consumer = this.kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const next = BigInt(message.offset) + 1n;
            if (next > (ends.get(partition) ?? 0n)) return; // arrived after we started
            await visit(message);
            if (commit) await consumer.commitOffsets([{ topic: dlq, partition, offset: next.toString() }]);
            if (next === ends.get(partition)) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
  }
}

function header(message: KafkaMessage, name: string): string {
  const value = message.headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
}

function describe(message: KafkaMessage): DeadLetter {
  return {
    offset: message.offset,
    key: message.key?.toString() ?? null,
    originTopic: header(message, DeadLetterHeader.originTopic),
    originPartition: header(message, DeadLetterHeader.originPartition),
    originOffset: header(message, DeadLetterHeader.originOffset),
    consumerGroup: header(message, DeadLetterHeader.consumerGroup),
    reason: header(message, DeadLetterHeader.reason),
    errorClass: header(message, DeadLetterHeader.errorClass),
    errorMessage: header(message, DeadLetterHeader.errorMessage),
    attempts: header(message, DeadLetterHeader.attempts),
    firstFailureAt: header(message, DeadLetterHeader.firstFailureAt),
  };
}

function originalHeaders(message: KafkaMessage): IHeaders {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {}))
    if (!isDeadLetterHeader(name)) headers[name] = value;
  headers[REPLAYED_FROM_HEADER] = `${header(message, DeadLetterHeader.originTopic)}.dlq@${message.offset}`;
  return headers;
}
