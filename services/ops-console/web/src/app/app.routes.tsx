import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { SigninCallback } from '../auth/signin-callback';
import { RequireLogin } from '../auth/require-login';
import { ConsoleLayout } from '../layout/console.layout';
import { NotFoundPage } from '../layout/not-found.page';
import { QueuesPage } from '../queues/queues.page';

// Pages with charts (the case's score history, the dashboard) bring the charting library: each
// loads when first opened, so the queue, the page people start on, does not wait for it.
const CasePage = lazy(() => import('../cases/case.page').then((m) => ({ default: m.CasePage })));
const TeamAdminPage = lazy(() => import('../team-admin/team-admin.page').then((m) => ({ default: m.TeamAdminPage })));
const DashboardPage = lazy(() => import('../dashboard/dashboard.page').then((m) => ({ default: m.DashboardPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/callback" element={<SigninCallback />} />
      <Route
        element={
          <RequireLogin>
            <ConsoleLayout />
          </RequireLogin>
        }
      >
        <Route index element={<Navigate to="/queues" replace />} />
        <Route path="queues" element={<QueuesPage />} />
        <Route path="cases/:caseId" element={<CasePage />} />
        <Route
          path="team-admin"
          element={
            <RequireRole roles={['lead', 'admin']}>
              <TeamAdminPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireRole roles={['analyst', 'lead', 'admin']}>
              <DashboardPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
