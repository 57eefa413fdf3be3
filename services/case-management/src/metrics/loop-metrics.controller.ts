import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { metricsTeams } from '../access/team-access';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { LoopMetricsDto } from './loop-metrics.dto';
import { LoopMetricsRepository } from './loop-metrics.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

export class LoopMetricsQuery {
  @ApiPropertyOptional({ description: 'only this team (one of yours, unless admin or analyst)' })
  @IsOptional()
  @IsString()
  teamId?: string;

  @ApiPropertyOptional({ description: 'cases opened from (ISO 8601); default 90 days ago' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ description: 'cases opened before (ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 date' })
  to?: string;
}

@ApiTags('loop metrics')
@Roles('lead', 'admin', 'analyst')
@Controller('metrics')
export class LoopMetricsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: LoopMetricsRepository,
  ) {}

  /**
   * Per team: time to first contact and to resolution (p50/p90, hours), SLA attainment, recovered share; and the
   * confirmed root causes.
   */
  @Get('loop')
  @ApiOkResponse({ type: LoopMetricsDto })
  async loop(@Query() query: LoopMetricsQuery, @CurrentPrincipal() principal: Principal) {
    const readable = metricsTeams(principal);
    if (query.teamId && readable && !readable.includes(query.teamId)) {
      throw new CaseError(CaseErrorCode.FORBIDDEN, `team ${query.teamId} is not one of yours`);
    }
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * DAY_MS);
    const teamIds = query.teamId ? [query.teamId] : readable;
    const filter = { from, to, teamIds };
    const [teams, rootCauses] = await Promise.all([
      this.metrics.perTeam(this.db.manager, filter),
      this.metrics.rootCauses(this.db.manager, filter),
    ]);
    return {
      from,
      to,
      teams: teams.map((t) => ({
        teamId: t.team_id,
        casesOpened: t.cases_opened,
        casesContacted: t.cases_contacted,
        casesResolved: t.cases_resolved,
        timeToFirstContactHours: { p50: t.first_contact_p50_hours, p90: t.first_contact_p90_hours },
        timeToResolutionHours: { p50: t.resolution_p50_hours, p90: t.resolution_p90_hours },
        slaAttainment: {
          firstContact: share(t.first_contact_met, t.first_contact_due),
          resolution: share(t.resolution_met, t.resolution_due),
        },
        recoveredShare: share(t.recovered, t.with_outcome),
      })),
      rootCauses: rootCauses.map((r) => ({
        rootCauseTagId: r.root_cause_tag_id,
        cases: r.cases,
        recovered: r.recovered,
      })),
    };
  }
}

/** A share with its sample, so a reader sees how many cases stand behind it; null when there are none. */
function share(part: unknown, whole: unknown): { share: number | null; of: number } {
  const n = Number(whole);
  return { share: n > 0 ? Number(part) / n : null, of: n };
}
