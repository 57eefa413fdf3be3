/** Marks a process whose warnings are filtered already: a global, so modules loaded again (jest) do not wrap twice. */
const FILTERED = Symbol.for('nps.kafkajs-patches.negative-timeout-warnings');
/** kafkajs' own files in a stack; not this lib's, whose folder name also says kafkajs. */
const KAFKAJS_FRAME = /[\\/]node_modules[\\/]kafkajs[\\/]/;

/**
 * Drops Node's TimeoutNegativeWarning when kafkajs raised it. kafkajs 2.2.4 computes some timer delays that can come
 * out negative; Node then waits 1 ms and warns once per process. The busiest of them, the request queue's idle
 * re-check, is no longer armed at all (stopIdleRequestQueueTimers, ADR 0067); for any other the warning calls for no
 * action. Any other warning goes through. Once per process.
 */
export function dropKafkajsNegativeTimeoutWarnings(): void {
  const marked = process as unknown as Record<symbol, boolean>;
  if (marked[FILTERED]) return;
  marked[FILTERED] = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'TimeoutNegativeWarning' && KAFKAJS_FRAME.test(new Error().stack ?? '')) return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
