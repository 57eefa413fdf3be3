import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles, Scopes } from '@nps/auth';
import { DataSource } from 'typeorm';
import { Clock } from '../answers/clock';
import { RevokedSurveyRequestDto, RevokeSurveyRequestDto } from './revoke-survey-request.dto';
import { SurveyRequestRepository } from './survey-request.repository';

@ApiTags('survey requests')
@Controller('survey-requests')
export class SurveyRequestsController {
  constructor(
    private readonly requests: SurveyRequestRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Withdraws a survey link: its token still verifies, but no answer or revision is taken any more. */
  @Post(':id/revoke')
  @Roles('lead', 'admin')
  @Scopes('surveys:send')
  @HttpCode(200)
  @ApiOkResponse({ type: RevokedSurveyRequestDto })
  async revoke(
    @Param('id') surveyRequestId: string,
    @Body() body: RevokeSurveyRequestDto,
  ): Promise<RevokedSurveyRequestDto> {
    const result = await this.requests.revoke(
      this.dataSource.manager,
      surveyRequestId,
      undefined,
      body.reason ?? 'revoked by an operator',
      this.clock.now(),
    );
    return { surveyRequestId, newlyRevoked: !result.wasRevoked };
  }
}
