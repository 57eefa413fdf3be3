import { setFlagsFromString } from 'node:v8';
import { collectGarbageNow } from './full-collection';

/** The V8 flag for HEAP_GROWING_PERCENT; none for 0, which leaves V8's own heuristics. */
export function heapGrowthFlag(percent: number): string | undefined {
  return percent > 0 ? `--heap-growing-percent=${percent}` : undefined;
}

/**
 * Sets how far V8 lets the heap grow between full collections. Node refuses this flag in
 * NODE_OPTIONS, so the process sets it on itself; V8 reads it each time it sets the next limit,
 * so setting it at start-up, before the load, takes effect (ADR 0049).
 */
export function applyHeapGrowth(percent: number): void {
  const flag = heapGrowthFlag(percent);
  if (flag) setFlagsFromString(flag);
}

/**
 * A full collection once the service is ready, so that V8 sets its next limit from the live heap and
 * HEAP_GROWING_PERCENT. The limit V8 keeps from start-up let the old space of a service that met load
 * at once grow from about 50 to 100–140 MB before its first collection, and the pages it grew into
 * stayed resident (ADR 0064). With 0 (V8's own heuristics) nothing is done.
 */
export function settleHeapOnceReady(percent: number): void {
  if (heapGrowthFlag(percent)) collectGarbageNow();
}
