import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeEvent, Topics } from '@nps/contracts';
import { DataSource } from 'typeorm';
import { stockNestEnv } from './stock-nest.env';

/**
 * What a team would write with the stock transport: decode, then one transaction per message.
 * No inbox, no retry, no dead letter; ServerKafka commits offsets on kafkajs' schedule.
 */
@Controller()
export class StockEffectsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @EventPattern(stockNestEnv.BENCH_TOPIC)
  async record(@Ctx() context: KafkaContext): Promise<void> {
    const { message: event } = decodeEvent(Topics.ResponseReceived, context.getMessage());
    await this.dataSource.transaction((manager) =>
      manager.query(
        `INSERT INTO "${stockNestEnv.BENCH_SCHEMA}".effects (event_id, customer_id, comment) VALUES ($1, $2, $3)`,
        [event.eventId, event.customerId, event.comment],
      ),
    );
  }
}
