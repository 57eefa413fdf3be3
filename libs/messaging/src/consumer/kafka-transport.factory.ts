import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { EventPublisher } from '../event.publisher';
import { KafkaConnection } from '../kafka.options';
import { MessagingSettings } from '../messaging.settings';
import { InfrastructureOutages } from '../outage/infrastructure.outages';
import { BatchProcessor } from './batch.processor';
import { ConsumerLagMonitor } from './consumer-lag.monitor';
import { EventProcessor } from './event.processor';
import { KafkaTransport } from './kafka.transport';

/** Builds the service's consumer transport from its settings, for `app.connectMicroservice`. */
@Injectable()
export class KafkaTransportFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connection: KafkaConnection,
    private readonly settings: MessagingSettings,
    private readonly publisher: EventPublisher,
    private readonly lag: ConsumerLagMonitor,
    private readonly outages: InfrastructureOutages,
  ) {}

  create(): KafkaTransport {
    const { groupId, partitionsConcurrently, sessionTimeoutMs, batchSize, batchWaitMs } = this.settings;
    const { fetchMaxBytes, partitionFetchMaxBytes } = this.settings;
    const deadLetters = new DeadLetterWriter(this.publisher, groupId);
    const processor = new EventProcessor(this.dataSource, this.settings, deadLetters, this.outages);
    return new KafkaTransport(
      {
        ...this.connection,
        groupId,
        partitionsConcurrently,
        sessionTimeoutMs,
        batchSize,
        batchWaitMs,
        fetchMaxBytes,
        partitionFetchMaxBytes,
      },
      processor,
      this.outages,
      this.lag,
      new BatchProcessor(this.dataSource, this.settings, processor, this.outages),
    );
  }
}
