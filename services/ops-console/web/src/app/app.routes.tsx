import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { SigninCallback } from '../auth/signin-callback';
import { RequireLogin } from '../auth/require-login';
import { CasePage } from '../cases/case.page';
import { ConsoleLayout } from '../layout/console.layout';
import { NotFoundPage } from '../layout/not-found.page';
import { QueuesPage } from '../queues/queues.page';
import { TeamAdminPage } from '../team-admin/team-admin.page';

// The dashboard brings the charting library: loaded when first opened, not with the queue.
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
