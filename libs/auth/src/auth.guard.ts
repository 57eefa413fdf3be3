import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessRule } from './access.rule';
import { AccessTokenVerifier } from './access-token.verifier';
import {
  ACCESS_AUTHENTICATED,
  ACCESS_PUBLIC,
  ACCESS_ROLES,
  ACCESS_SCOPES,
  type AuthenticatedRequest,
  declaresAccessRule,
} from './auth.decorators';
import { authorizeBearer, type ChallengeTarget } from './bearer.access';

/**
 * One guard for every HTTP route, deny by default: public routes pass; every other route needs a
 * valid bearer token (401) and a principal its @Roles/@Scopes allow (403); a route that declares
 * nothing is refused (403). Kafka handlers are not HTTP and pass.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.ruleOf(context);
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<ChallengeTarget>();
    request.principal = await authorizeBearer(this.verifier, request.headers.authorization, rule, response);
    return true;
  }

  /** The handler's rule when it declares one (it replaces the controller's as a whole), else the controller's. */
  private ruleOf(context: ExecutionContext): AccessRule {
    const handler = context.getHandler();
    const target = declaresAccessRule(handler) ? handler : context.getClass();
    const read = <T>(key: string) => this.reflector.get<T | undefined>(key, target);
    return {
      public: read<boolean>(ACCESS_PUBLIC),
      authenticated: read<boolean>(ACCESS_AUTHENTICATED),
      roles: read(ACCESS_ROLES),
      scopes: read(ACCESS_SCOPES),
    };
  }
}
