import type { ReactNode } from 'react';
import { ForbiddenPage } from '../layout/forbidden.page';
import { hasAnyRole, type Role, usePrincipal } from './principal';

/** The page for people holding one of `roles`; everyone else gets the 403 page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return hasAnyRole(usePrincipal(), roles) ? <>{children}</> : <ForbiddenPage />;
}
