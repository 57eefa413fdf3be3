import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CONFIG_ENTITIES, ConfigChangeRepository, type ConfigChangeView } from './config-change.repository';
import { ConfigChangeDto } from './config-change.dto';

export class ConfigChangesQuery {
  @ApiPropertyOptional({ enum: CONFIG_ENTITIES })
  @IsOptional()
  @IsIn(CONFIG_ENTITIES, { message: `entity must be one of ${CONFIG_ENTITIES.join(', ')}` })
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  entityId?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

@ApiTags('activity')
@Controller('config-changes')
export class ConfigChangesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ConfigChangeRepository,
  ) {}

  /** Every version of teams, members, routing rules and SLA policies, newest first. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [ConfigChangeDto] })
  list(@Query() query: ConfigChangesQuery): Promise<ConfigChangeView[]> {
    return this.log.list(this.db.manager, {
      entity: query.entity,
      entityId: query.entityId,
      limit: query.limit ?? 100,
    });
  }
}
