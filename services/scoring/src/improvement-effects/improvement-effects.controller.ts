import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, Scopes } from '@nps/auth';
import { ImprovementEffectDto } from './improvement-effect.dto';
import { ImprovementEffectQueryDto } from './improvement-effect.query.dto';
import type { ImprovementEffect } from './improvement-effect.report';
import { ImprovementEffectService } from './improvement-effect.service';

@ApiTags('improvement-actions')
@Roles('analyst', 'lead', 'admin')
@Scopes('nps:read')
@Controller('improvement-actions')
export class ImprovementEffectsController {
  constructor(private readonly effects: ImprovementEffectService) {}

  @Get(':id/effect')
  @ApiOperation({
    summary:
      'NPS (n, margin of error, detractor share) of the action’s touchpoint type / segment and its root cause’s ' +
      'share of detractors, in the windows before and after the release day, with the /nps/compare verdict',
  })
  @ApiOkResponse({
    type: ImprovementEffectDto,
    description: '`before`, `after`, `change` and a `sentence` (docs/outer-loop.md)',
  })
  @ApiBadRequestResponse({ description: 'windowDays or timeZone invalid; `fields` names it' })
  @ApiNotFoundResponse({ description: 'IMPROVEMENT_ACTION_NOT_FOUND: scoring has not seen it opened' })
  @ApiConflictResponse({ description: 'IMPROVEMENT_ACTION_NOT_RELEASED: nothing to measure before its release' })
  // Not ImprovementEffectDto: releasedAt is a Date here (an ISO string once serialized).
  effect(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ImprovementEffectQueryDto,
  ): Promise<ImprovementEffect> {
    return this.effects.effect(id, query);
  }
}
