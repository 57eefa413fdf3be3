import { lazy } from 'react';

// The case screen (forms, customer story, chart) loads when a case is first opened, not with the queue;
// the layout's Suspense shows the loader meanwhile.
const CaseView = lazy(() => import('./case.view').then((m) => ({ default: m.CaseView })));

export function CasePage() {
  return <CaseView />;
}
