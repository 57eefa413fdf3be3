// A consumer process for the transport's crash tests: records each message of the
// response-received topic as a row, and hangs (forever) on the message whose value is HANG_ON.
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics } from '@nps/contracts';
import { KafkaTransport, RethrowRpcFilter } from '../src';
import type { KafkaMessage } from 'kafkajs';
import { Client } from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = new Client({ connectionString: env('DATABASE_URL') });

@Controller()
class RecordingController {
  @EventPattern(Topics.ResponseReceived.name)
  async record(@Payload() message: KafkaMessage): Promise<void> {
    const value = message.value?.toString() ?? '';
    if (value === process.env.HANG_ON) {
      process.stdout.write(`hanging on ${value}\n`);
      await new Promise(() => undefined);
    }
    await db.query(`INSERT INTO "${env('DB_SCHEMA')}".effects (value, "offset") VALUES ($1, $2)`, [value, message.offset]);
  }
}

@Module({ controllers: [RecordingController] })
class RecordingModule {}

async function main(): Promise<void> {
  await db.connect();
  const transport = new KafkaTransport({
    brokers: env('KAFKA_BROKERS'),
    clientId: 'scoring',
    groupId: env('GROUP_ID'),
    topicPrefix: env('KAFKA_TOPIC_PREFIX'),
    sessionTimeoutMs: 6000,
  });
  const app = await NestFactory.createMicroservice(RecordingModule, { strategy: transport, logger: ['error', 'warn'] });
  app.useGlobalFilters(new RethrowRpcFilter());
  await app.listen();
  process.stdout.write('consumer started\n');
  process.once('SIGTERM', () => void app.close().then(() => db.end()).then(() => process.exit(0)));
}

void main();
