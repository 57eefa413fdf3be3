import { type Counter, metrics } from '@opentelemetry/api';

/**
 * What became of a consumed record: applied, skipped as already applied (inbox), dead-lettered,
 * or skipped as a tombstone (a key without a value on a compacted topic).
 */
export type ProcessingOutcome = 'processed' | 'duplicate' | 'dead_lettered' | 'tombstone';
const OUTCOMES: ProcessingOutcome[] = ['processed', 'duplicate', 'dead_lettered', 'tombstone'];

/**
 * The messaging instruments. Names are dotted OTel names; the Prometheus exporter turns dots into
 * underscores and adds `_total` to counters (`nps.dead_letters` → `nps_dead_letters_total`).
 * Labels are logical topic names, partitions and outcomes only, never keys or ids (docs/adr/0023).
 */
export const MessagingMetric = {
  consumerLag: 'nps.consumer.lag',
  consumerLagAge: 'nps.consumer.lag_age_seconds',
  deadLetters: 'nps.dead_letters',
  outboxDepth: 'nps.outbox.depth',
  eventsProcessed: 'nps.events_processed',
} as const;

// Created on first use: a meter taken before startTelemetry() registered the provider stays a no-op.
let counters: { deadLetters: Counter; eventsProcessed: Counter } | undefined;

function messagingCounters() {
  counters ??= {
    deadLetters: meter().createCounter(MessagingMetric.deadLetters, {
      description: 'Records put on a dead-letter topic, per origin topic',
      unit: '{message}',
    }),
    eventsProcessed: meter().createCounter(MessagingMetric.eventsProcessed, {
      description: 'Records the consumer finished with, per topic and outcome',
      unit: '{message}',
    }),
  };
  return counters;
}

/** The meter of @nps/messaging, for its gauges. */
export function meter() {
  return metrics.getMeter('@nps/messaging');
}

export function countDeadLetter(topic: string): void {
  messagingCounters().deadLetters.add(1, { topic });
}

export function countProcessed(topic: string, outcome: ProcessingOutcome, records = 1): void {
  if (records > 0) messagingCounters().eventsProcessed.add(records, { topic, outcome });
}

/** Shows the consumer's counters at 0 from the start, so a scrape has every series before the first record. */
export function countFrom(topics: string[]): void {
  for (const topic of topics) {
    messagingCounters().deadLetters.add(0, { topic });
    for (const outcome of OUTCOMES) messagingCounters().eventsProcessed.add(0, { topic, outcome });
  }
}
