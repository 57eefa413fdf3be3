import { Topics } from '@nps/contracts';
import { EventPublisher, physicalTopic } from '@nps/messaging';
import { freshName, freshSchema, freshTopicPrefix, ServiceProcess } from '@nps/testing';
import type { Client } from 'pg';
import { bestEffort } from './bench.cleanup';
import { CpuMeter } from './cpu.meter';
import { createResponseTopic, deleteTopics, encodedEvents, produce } from './bench.events';
import { stopChild, tracked } from './bench.processes';
import { type PathResult, secondsSince } from './bench.report';
import type { BenchSettings } from './bench.settings';
import { appliedWindow, EffectsProbe, windowNotes } from './effects.probe';

/**
 * The stock path: a ServerKafka `@EventPattern` handler in its own process, one transaction per
 * message. It has no outbox, so it is timed from the first produce to the last effect.
 */
export async function measureStockNest(settings: BenchSettings, db: Client): Promise<PathResult> {
  const schema = await freshSchema('bench_stock', settings.databaseUrl);
  const topicPrefix = freshTopicPrefix('stock');
  const publisher = new EventPublisher({ brokers: settings.brokers, clientId: 'bench', topicPrefix });
  let child: ServiceProcess | undefined;
  try {
    await db.query(`CREATE TABLE "${schema}".effects (
      seq bigserial PRIMARY KEY, event_id text NOT NULL, customer_id text NOT NULL, comment text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    await createResponseTopic(settings.brokers, topicPrefix);
    const events = encodedEvents(settings.events, settings.keys, freshName('stock'));
    child = tracked(
      ServiceProcess.start({
        entry: 'tests/load/stock-nest/main.ts',
        env: {
          KAFKA_BROKERS: settings.brokers,
          DATABASE_URL: settings.databaseUrl,
          BENCH_SCHEMA: schema,
          BENCH_TOPIC: physicalTopic(Topics.ResponseReceived.name, topicPrefix),
          BENCH_GROUP: freshName('stock-nest'),
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
        },
      }),
    );
    await child.waitForOutput('stock-nest ready');
    await publisher.onModuleInit();
    const output = child;
    const probe = new EffectsProbe(db, `"${schema}".effects`);
    const cpu = new CpuMeter(child.pid);
    const since = new Date();
    const start = performance.now();
    await produce(publisher, events);
    const produceSeconds = secondsSince(start);
    await probe.waitForEvents(settings.events, {
      stallMs: settings.stallMs,
      context: () => `stock-nest output:\n${output.output.slice(-2000)}`,
    });
    const seconds = secondsSince(start);
    const cpuNotes = cpu.notes();
    const window = await appliedWindow(db, `"${schema}".effects`, 'applied_at', since);
    const duplicates = await probe.duplicates();
    return {
      path: 'stock Nest ServerKafka, consume only',
      events: settings.events,
      seconds,
      notes: [
        `produce ${produceSeconds.toFixed(1)} s`,
        ...windowNotes(window, since),
        ...cpuNotes,
        ...(duplicates > 0 ? [`${duplicates} duplicate effects`] : []),
      ],
    };
  } finally {
    await bestEffort('disconnect producer', () => publisher.onApplicationShutdown());
    if (child) await stopChild(child);
    await bestEffort('drop schema', () => db.query(`DROP SCHEMA "${schema}" CASCADE`));
    await bestEffort('delete topics', () => deleteTopics(settings.brokers, topicPrefix));
  }
}
