/** The consumer's two modes, for `describe.each`: the crash and dead-letter specs must hold in both. */
export const CONSUMER_MODES: Array<{ mode: string; env: Record<string, string> }> = [
  { mode: 'one transaction per record', env: { CONSUMER_BATCH_SIZE: '1' } },
  {
    mode: 'batches of 50, partitions together',
    env: { CONSUMER_BATCH_SIZE: '50', CONSUMER_BATCH_WAIT_MS: '100', CONSUMER_PARTITIONS_CONCURRENTLY: '32' },
  },
];
