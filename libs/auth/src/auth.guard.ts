import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AccessRule, decideAccess } from './access.rule';
import { AccessTokenVerifier, IssuerUnavailableError } from './access-token.verifier';
import {
  ACCESS_AUTHENTICATED,
  ACCESS_PUBLIC,
  ACCESS_ROLES,
  ACCESS_SCOPES,
  type AuthenticatedRequest,
  declaresAccessRule,
} from './auth.decorators';
import type { Principal } from './principal';

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

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
    const principal = await this.authenticate(request, context.switchToHttp().getResponse<HttpResponse>());
    request.principal = principal;
    const decision = decideAccess(rule, principal);
    if (!decision.allowed) throw new ForbiddenException(decision.reason);
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

  private async authenticate(request: AuthenticatedRequest, response: HttpResponse): Promise<Principal> {
    const header = request.headers.authorization;
    const [scheme, token, ...rest] = (typeof header === 'string' ? header : '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('a bearer token is required');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof IssuerUnavailableError)
        throw new ServiceUnavailableException('the token issuer cannot be reached');
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
  }
}
