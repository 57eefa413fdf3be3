import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Operator, Role } from './operator';
import { ROLES_KEY } from './roles.decorator';
import { TokenVerifier } from './token.verifier';

/** Every ops route: a valid bearer token (401 otherwise) and one of the route's roles (403 otherwise). */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; operator?: Operator }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('a bearer token is required');
    let operator: Operator;
    try {
      operator = await this.verifier.verify(token);
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    request.operator = operator;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.some((role) => operator.roles.includes(role))) {
      throw new ForbiddenException(`requires role ${roles.join(' or ')}`);
    }
    return true;
  }
}
