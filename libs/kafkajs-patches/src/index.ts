export * from './idle-request-queues';
export * from './negative-timeout-warnings';
