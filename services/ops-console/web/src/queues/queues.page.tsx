import { lazy } from 'react';

// The queue's filters and table load as their own chunk, keeping the shell's bundle small.
const QueuesView = lazy(() => import('./queues.view').then((m) => ({ default: m.QueuesView })));

export function QueuesPage() {
  return <QueuesView />;
}
