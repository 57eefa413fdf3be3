import { applyDecorators, UseFilters, UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CaseErrorFilter } from '../errors/case-error.filter';
import { OperatorGuard } from './operator.guard';

/** What every ops controller shares: bearer auth and roles, DTO validation (400 naming the field), domain errors. */
export const OpsApi = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no, expired or tampered bearer token' }),
    ApiForbiddenResponse({ description: 'the role or team of the token does not allow this' }),
    UseGuards(OperatorGuard),
    UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })),
    UseFilters(CaseErrorFilter),
  );
