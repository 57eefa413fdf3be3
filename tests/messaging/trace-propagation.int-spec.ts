import type { MessageHandler } from '@nestjs/microservices';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { Topics } from '@nps/contracts';
import {
  DeadLetterWriter,
  ensureTopics,
  EventProcessor,
  EventPublisher,
  type EventContext,
  EventTransactions,
  kafkaConfig,
  MessagingSettings,
  MessagingTables1763856000000,
  OutboxRelay,
  physicalTopic,
} from '@nps/messaging';
import {
  anEvent,
  expectEventually,
  freshSchema,
  freshTopicPrefix,
  migratedDataSource,
  testKafkaBrokers,
} from '@nps/testing';
import { Kafka, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';

// One trace spans producer → consumer → the next producer, across the outbox and Kafka.
describe('trace context through the messaging path', () => {
  const exporter = new InMemorySpanExporter();
  const brokers = testKafkaBrokers();
  let dataSource: DataSource;
  let publisher: EventPublisher;
  let settings: MessagingSettings;
  let topicPrefix: string;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    const schema = await freshSchema('tracing');
    topicPrefix = freshTopicPrefix();
    dataSource = await migratedDataSource(schema, [MessagingTables1763856000000]);
    settings = Object.assign(new MessagingSettings(), {
      service: 'scoring',
      schema,
      topicPrefix,
      relayBatchSize: 100,
      maxAttempts: 1,
      retryBackoffMs: 0,
    });
    publisher = new EventPublisher({ brokers, clientId: 'scoring', topicPrefix });
    await publisher.onModuleInit();
  });

  afterAll(async () => {
    await publisher.onApplicationShutdown();
    await dataSource.destroy();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  async function readOne(topic: string): Promise<KafkaMessage> {
    const consumer = new Kafka(kafkaConfig({ brokers, clientId: 'trace-test' })).consumer({
      groupId: `trace-test-${topic}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: physicalTopic(topic, topicPrefix), fromBeginning: true });
    let received: KafkaMessage | undefined;
    await consumer.run({ eachMessage: async ({ message }) => void (received ??= message) });
    try {
      return await expectEventually(() => received ?? Promise.reject(new Error(`nothing on ${topic} yet`)), {
        timeoutMs: 30000,
      });
    } finally {
      await consumer.disconnect();
    }
  }

  it('continues the trace of the request that wrote the first event in the events its consumer publishes', async () => {
    const admin = new Kafka(kafkaConfig({ brokers, clientId: 'trace-test' })).admin();
    await admin.connect();
    await ensureTopics(admin, [Topics.ResponseReceived, Topics.ResponseScored], topicPrefix);
    await admin.disconnect();
    const relay = new OutboxRelay(dataSource, publisher, settings);
    const transactions = new EventTransactions(dataSource, settings);
    const tracer = trace.getTracer('test');

    const rootSpan = tracer.startSpan('POST /responses');
    await context.with(trace.setSpan(context.active(), rootSpan), () =>
      transactions.run(async (uow) =>
        uow.publish(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId: 'c-1', score: 3 })),
      ),
    );
    rootSpan.end();
    expect(await relay.relayOnce()).toBe(1);

    const received = await readOne(Topics.ResponseReceived.name);
    const scoreIt = (async (event: { customerId: string; responseId: string }, ctx: EventContext) => {
      ctx.unitOfWork.publish(Topics.ResponseScored, {
        eventId: crypto.randomUUID(),
        occurredAt: { seconds: 1n },
        customerId: event.customerId,
        responseId: event.responseId,
        score: 3,
      });
    }) as unknown as MessageHandler;
    const processor = new EventProcessor(dataSource, settings, new DeadLetterWriter(publisher, 'scoring'));
    await processor.process(
      { topic: Topics.ResponseReceived, partition: 0, message: received, heartbeat: async () => undefined },
      scoreIt,
    );
    expect(await relay.relayOnce()).toBe(1);
    const scored = await readOne(Topics.ResponseScored.name);

    const rootContext = rootSpan.spanContext();
    const processSpan = exporter
      .getFinishedSpans()
      .find((span) => span.name === `process ${Topics.ResponseReceived.name}`);
    expect(processSpan?.spanContext().traceId).toBe(rootContext.traceId);
    expect(processSpan?.parentSpanContext?.spanId).toBe(rootContext.spanId);
    const [, traceId, parentId] = String(scored.headers?.traceparent).split('-');
    expect(traceId).toBe(rootContext.traceId);
    expect(parentId).toBe(processSpan?.spanContext().spanId);
  });
});
