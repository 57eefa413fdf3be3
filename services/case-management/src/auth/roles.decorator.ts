import { SetMetadata } from '@nestjs/common';
import type { Role } from './operator';

export const ROLES_KEY = 'case-management:roles';

/** Roles allowed on a route (any of them); without it, any authenticated operator. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
