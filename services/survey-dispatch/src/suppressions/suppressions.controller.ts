import { Controller, Get, Query } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import type { EntityManager } from 'typeorm';
import { DispatchError } from '../errors/dispatch.error';
import { SuppressionDto } from './suppression.dto';
import { SuppressionRepository } from './suppression.repository';

@ApiTags('contact policy')
@Controller('suppressions')
export class SuppressionsController {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly suppressions: SuppressionRepository,
  ) {}

  @Get()
  @Roles('lead', 'admin')
  @ApiOperation({
    summary: 'Triggers of a customer that the contact policy suppressed or deferred, newest first, with the reason',
  })
  @ApiQuery({ name: 'customerId', required: true })
  @ApiOkResponse({ type: [SuppressionDto] })
  async list(@Query('customerId') customerId?: string): Promise<SuppressionDto[]> {
    if (!customerId) throw DispatchError.missingField('customerId', '/suppressions?customerId=c-42');
    const rows = await this.suppressions.listFor(this.manager, customerId);
    return rows.map((row) => ({
      customerId: row.customerId,
      touchpointId: row.touchpointId,
      touchpointType: row.touchpointType,
      outcome: row.outcome,
      reason: row.reason,
      detail: row.detail,
      deferredUntil: row.deferredUntil?.toISOString() ?? null,
      surveyRequestId: row.surveyRequestId,
      recordedAt: row.recordedAt.toISOString(),
    }));
  }
}
