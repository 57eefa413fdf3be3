import { BadRequestException, Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import { DataSource } from 'typeorm';
import { ConfigChangeRepository } from '../activity/config-change.repository';
import { PRIORITIES, type Priority } from './priority';
import { PutSlaPolicyDto, SlaPolicyDto } from './sla-policy.dto';
import { SlaPolicyRepository } from './sla-policy.repository';

const PRIORITY_ENUM = Object.fromEntries(PRIORITIES.map((priority) => [priority, priority]));

@ApiTags('sla policies')
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: SlaPolicyRepository,
    private readonly log: ConfigChangeRepository,
  ) {}

  @Get()
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: [SlaPolicyDto], description: 'every priority, shortest first contact first' })
  list(): Promise<SlaPolicyDto[]> {
    return this.policies.list(this.db.manager);
  }

  @Put(':priority')
  @Roles('admin')
  @ApiParam({ name: 'priority', enum: PRIORITIES })
  @ApiOkResponse({ type: SlaPolicyDto })
  put(
    @Param(
      'priority',
      new ParseEnumPipe(PRIORITY_ENUM, {
        exceptionFactory: () => new BadRequestException(`priority must be one of ${PRIORITIES.join(', ')}`),
      }),
    )
    priority: Priority,
    @Body() dto: PutSlaPolicyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SlaPolicyDto> {
    return this.db.transaction(async (manager) => {
      const policy = await this.policies.upsert(manager, { priority, ...dto });
      await this.log.record(manager, {
        entity: 'sla_policy',
        entityId: priority,
        version: policy.version,
        action: 'updated',
        actorId: principal.subject,
        snapshot: policy,
      });
      return policy;
    });
  }
}
