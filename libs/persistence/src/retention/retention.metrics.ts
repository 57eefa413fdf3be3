import { type Counter, metrics } from '@opentelemetry/api';

// Created on first use: a meter taken before startTelemetry() registered the provider stays a no-op.
let deletedRows: Counter | undefined;

/** Counts rows a retention rule deleted (`nps_retention_deleted_rows_total{rule}`); 0 shows the series. */
export function countRetentionDeleted(rule: string, rows: number): void {
  deletedRows ??= metrics.getMeter('@nps/persistence').createCounter('nps.retention.deleted_rows', {
    description: 'Rows deleted because they outlived their retention, per rule',
    unit: '{row}',
  });
  deletedRows.add(rows, { rule });
}

let droppedEvents: Counter | undefined;

/** Counts an event dropped because what it changes is past retention (`nps_retention_dropped_events_total{topic}`). */
export function countRetentionDropped(topic: string): void {
  droppedEvents ??= metrics.getMeter('@nps/persistence').createCounter('nps.retention.dropped_events', {
    description: 'Events about data already past its retention, dropped instead of applied, per topic',
    unit: '{message}',
  });
  droppedEvents.add(1, { topic });
}
