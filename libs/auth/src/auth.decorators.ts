import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal, Role, Scope } from './principal';

export const ACCESS_PUBLIC = 'nps:auth:public';
export const ACCESS_AUTHENTICATED = 'nps:auth:authenticated';
export const ACCESS_ROLES = 'nps:auth:roles';
export const ACCESS_SCOPES = 'nps:auth:scopes';

const RULE_KEYS = [ACCESS_PUBLIC, ACCESS_AUTHENTICATED, ACCESS_ROLES, ACCESS_SCOPES];
const BEARER_DOCUMENTED = 'nps:auth:bearer-documented';

/** Whether a handler declares a rule of its own (it then overrides every rule of its controller). */
export function declaresAccessRule(target: object): boolean {
  return RULE_KEYS.some((key) => Reflect.hasOwnMetadata(key, target));
}

type Decorator = ClassDecorator & MethodDecorator;
type Docs = (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void;

// Each rule is also written into the OpenAPI document of every route it governs (x-nps-public,
// x-nps-roles …), so a test can read every route's decision from /docs-json. Swagger ignores
// extensions on a controller, so a controller's rule is written onto its handlers that have
// none of their own, which is also the rule the guard applies to them.
function accessRule(key: string, value: unknown, protects: boolean, denies: boolean): Decorator {
  const document: Docs = (target, name, descriptor) => {
    ApiExtension(`x-nps-${key.slice('nps:auth:'.length)}`, value)(target, name, descriptor);
    const handler = descriptor.value as object;
    if (!protects || Reflect.hasOwnMetadata(BEARER_DOCUMENTED, handler)) return;
    Reflect.defineMetadata(BEARER_DOCUMENTED, true, handler);
    ApiBearerAuth()(target, name, descriptor);
    ApiUnauthorizedResponse({ description: 'no, expired, tampered or foreign bearer token' })(target, name, descriptor);
    if (denies)
      ApiForbiddenResponse({ description: 'the token lacks the role or scope this route requires' })(
        target,
        name,
        descriptor,
      );
  };
  return ((target: object, name?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (name !== undefined && descriptor) {
      document(target, name, descriptor);
      SetMetadata(key, value)(target, name, descriptor);
      return descriptor;
    }
    SetMetadata(key, value)(target as () => void);
    const prototype = (target as { prototype: object }).prototype;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, method);
      if (method === 'constructor' || typeof handler?.value !== 'function' || declaresAccessRule(handler.value))
        continue;
      document(prototype, method, handler);
    }
    return target;
  }) as Decorator;
}

/** Open to anyone, without a token (health, the survey page). */
export const Public = () => accessRule(ACCESS_PUBLIC, true, false, false);

/** Any valid token, person or machine. */
export const Authenticated = () => accessRule(ACCESS_AUTHENTICATED, true, true, false);

/** People holding any of these roles (with @Scopes on the same route, machines holding one of those pass too). */
export const Roles = (...roles: Role[]) => accessRule(ACCESS_ROLES, roles, true, true);

/** Machines holding any of these scopes (with @Roles on the same route, people holding one of those pass too). */
export const Scopes = (...scopes: Scope[]) => accessRule(ACCESS_SCOPES, scopes, true, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** The verified caller of the request (set by AuthGuard); undefined on a public route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
