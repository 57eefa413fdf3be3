import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OperatorGuard } from './operator.guard';

/** What every ops controller shares: bearer auth and roles (validation and error answers come from @nps/runtime). */
export const OpsApi = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no, expired or tampered bearer token' }),
    ApiForbiddenResponse({ description: 'the role or team of the token does not allow this' }),
    UseGuards(OperatorGuard),
  );
