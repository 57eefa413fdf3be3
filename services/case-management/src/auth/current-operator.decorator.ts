import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Operator } from './operator';

/** The authenticated operator of the request (set by OperatorGuard). */
export const CurrentOperator = createParamDecorator((_data: unknown, context: ExecutionContext): Operator => {
  return context.switchToHttp().getRequest<{ operator: Operator }>().operator;
});
