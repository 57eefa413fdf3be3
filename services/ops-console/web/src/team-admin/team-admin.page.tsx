import { lazy } from 'react';

// Only leads and admins open team admin: its panels load with the page, not with the queue.
const TeamAdminView = lazy(() => import('./team-admin.view').then((m) => ({ default: m.TeamAdminView })));

export function TeamAdminPage() {
  return <TeamAdminView />;
}
