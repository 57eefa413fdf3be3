import { setFlagsFromString } from 'node:v8';

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
