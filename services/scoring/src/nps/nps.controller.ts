import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, Scopes } from '@nps/auth';
import { DriversAnswerDto } from '../drivers/drivers-answer.dto';
import { NpsAnswerDto, NpsCompareAnswerDto } from './nps-answer.dto';
import { NpsCompareDto } from './nps-compare.dto';
import { NpsFilterDto } from './nps-filter.dto';
import { NpsQueryDto } from './nps-query.dto';
import { filterOf, NpsService } from './nps.service';

const BAD_REQUEST = { description: 'a filter, interval, grouping or time zone is invalid; `fields` names it' };

@ApiTags('nps')
@Roles('analyst', 'lead', 'admin')
@Scopes('nps:read')
@Controller('nps')
export class NpsController {
  constructor(private readonly nps: NpsService) {}

  @Get()
  @ApiOperation({
    summary: 'NPS with n, category shares, standard error, 95% margin of error and interval, per interval and group',
  })
  @ApiOkResponse({
    type: NpsAnswerDto,
    description: 'one row per (period, group) with answers; statistics as in docs/nps-statistics.md',
  })
  @ApiBadRequestResponse(BAD_REQUEST)
  get(@Query() query: NpsQueryDto): Promise<NpsAnswerDto> {
    return this.nps.nps(filterOf(query), query.groupBy, query.interval);
  }

  @Get('compare')
  @ApiOperation({
    summary:
      'Whether NPS differs between two periods or two groups: ΔNPS, SE of the difference, z, two-sided p and a ' +
      'sentence',
  })
  @ApiOkResponse({
    type: NpsCompareAnswerDto,
    description: '`first`, `second` and `change` (null when a side has no answers)',
  })
  @ApiBadRequestResponse(BAD_REQUEST)
  compare(@Query() query: NpsCompareDto): Promise<NpsCompareAnswerDto> {
    return this.nps.compare(query);
  }

  @Get('drivers')
  @ApiOperation({ summary: 'Per root-cause tag: share among detractors, passives and promoters, and NPS impact' })
  @ApiOkResponse({
    type: DriversAnswerDto,
    description: 'drivers sorted by NPS impact (points NPS would gain without the responses carrying the tag)',
  })
  @ApiBadRequestResponse(BAD_REQUEST)
  drivers(@Query() query: NpsFilterDto): Promise<DriversAnswerDto> {
    return this.nps.drivers(filterOf(query));
  }
}
