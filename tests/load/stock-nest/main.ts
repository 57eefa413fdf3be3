// A stock @nestjs/microservices Kafka consumer for tests/load/messaging.bench.ts: ServerKafka with
// its defaults (eachMessage, kafkajs auto-commit, one partition at a time). Two options differ,
// neither about speed: keepBinary (else the parser turns the protobuf value into a string) and
// fromBeginning (the benchmark may produce before the group has its first offsets).
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { stockNestEnv } from './stock-nest.env';
import { StockNestModule } from './stock-nest.module';

async function main(): Promise<void> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockNestModule, {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'stock-nest', brokers: stockNestEnv.KAFKA_BROKERS.split(',') },
      consumer: { groupId: stockNestEnv.BENCH_GROUP },
      subscribe: { fromBeginning: true },
      parser: { keepBinary: true },
    },
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await app.listen();
  process.stdout.write('stock-nest ready\n');
}

main().catch((error: Error) => {
  process.stderr.write(`stock-nest failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
