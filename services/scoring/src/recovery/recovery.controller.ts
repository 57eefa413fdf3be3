import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, Scopes } from '@nps/auth';
import { RecoveryAnswerDto } from './recovery-answer.dto';
import { RecoveryQueryDto } from './recovery-query.dto';
import { RecoveryReportService } from './recovery-report.service';

@ApiTags('nps')
@Roles('analyst', 'lead', 'admin')
@Scopes('nps:read')
@Controller('nps/recovery')
export class RecoveryController {
  constructor(private readonly reports: RecoveryReportService) {}

  @Get()
  @ApiOperation({
    summary:
      'Whether following up detractors recovers them: per group (followed up, holdout) n, mean score change and SD; ' +
      'the uplift with its 95% Welch interval, p-value and a sentence',
  })
  @ApiOkResponse({
    type: RecoveryAnswerDto,
    description: 'one row overall, or per team or root cause; statistics as in docs/nps-statistics.md',
  })
  @ApiBadRequestResponse({ description: 'a day, the time zone or groupBy is invalid; `fields` names it' })
  get(@Query() query: RecoveryQueryDto): Promise<RecoveryAnswerDto> {
    return this.reports.report(query);
  }
}
