import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal, Role, Scope } from './principal';

export const ACCESS_PUBLIC = 'nps:auth:public';
export const ACCESS_AUTHENTICATED = 'nps:auth:authenticated';
export const ACCESS_ROLES = 'nps:auth:roles';
export const ACCESS_SCOPES = 'nps:auth:scopes';

// Each rule is also written into the OpenAPI document (x-nps-public, x-nps-roles …), so a test
// can read every route's decision from /docs-json.
const rule = (key: string, value: unknown) =>
  applyDecorators(SetMetadata(key, value), ApiExtension(`x-${key.slice(9)}`, value));

const protectedRoute = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no, expired, tampered or foreign bearer token' }),
  );

/** Open to anyone, without a token (health, the survey page). */
export const Public = () => rule(ACCESS_PUBLIC, true);

/** Any valid token, person or machine. */
export const Authenticated = () => applyDecorators(rule(ACCESS_AUTHENTICATED, true), protectedRoute());

/** People holding any of these roles (with @Scopes on the same route, machines holding one of those pass too). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    rule(ACCESS_ROLES, roles),
    protectedRoute(),
    ApiForbiddenResponse({ description: 'the token lacks the role or scope this route requires' }),
  );

/** Machines holding any of these scopes (with @Roles on the same route, people holding one of those pass too). */
export const Scopes = (...scopes: Scope[]) =>
  applyDecorators(
    rule(ACCESS_SCOPES, scopes),
    protectedRoute(),
    ApiForbiddenResponse({ description: 'the token lacks the role or scope this route requires' }),
  );

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** The verified caller of the request (set by AuthGuard); undefined on a public route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
