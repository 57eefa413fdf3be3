import { Controller, Get, Query } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import type { EntityManager } from 'typeorm';
import { deliveryChannelName } from '../delivery/delivery.channels';
import { DispatchError } from '../errors/dispatch.error';
import { SurveyRequestDto } from './survey-request.dto';
import { SurveyRequestRepository } from './survey-request.repository';

@ApiTags('surveys')
@Controller('survey-requests')
export class SurveyRequestsController {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly requests: SurveyRequestRepository,
  ) {}

  @Get()
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'Survey requests of a customer, newest first: status, channel and the times of each step' })
  @ApiQuery({ name: 'customerId', required: true })
  @ApiOkResponse({ type: [SurveyRequestDto] })
  async list(@Query('customerId') customerId?: string): Promise<SurveyRequestDto[]> {
    if (!customerId) throw DispatchError.missingField('customerId', '/survey-requests?customerId=c-42');
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return (await this.requests.listFor(this.manager, customerId)).map((request) => ({
      id: request.id,
      customerId: request.customerId,
      touchpointId: request.touchpointId,
      touchpointType: request.touchpointType,
      channel: deliveryChannelName(request.channel),
      language: request.language,
      origin: request.origin,
      status: request.status,
      nextAction: request.nextAction,
      dueAt: iso(request.dueAt),
      attempts: request.attempts,
      lastError: request.lastError,
      requestedAt: request.requestedAt.toISOString(),
      sentAt: iso(request.sentAt),
      remindedAt: iso(request.remindedAt),
      expiresAt: iso(request.expiresAt),
      answeredAt: iso(request.answeredAt),
    }));
  }
}
