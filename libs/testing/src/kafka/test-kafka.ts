import { dropKafkajsNegativeTimeoutWarnings, stopIdleRequestQueueTimers } from '@nps/kafkajs-patches';
import { Kafka, logLevel } from 'kafkajs';

/** A quiet kafkajs client for tests and benches, whose idle connections arm no 1 ms timers (ADR 0067). */
export function testKafka(brokers: string, clientId: string): Kafka {
  stopIdleRequestQueueTimers();
  dropKafkajsNegativeTimeoutWarnings();
  return new Kafka({ brokers: brokers.split(','), clientId, logLevel: logLevel.NOTHING });
}
