import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentOperator } from '../auth/current-operator.decorator';
import type { Operator } from '../auth/operator';
import { OpsApi } from '../auth/ops-api.decorator';
import { Roles } from '../auth/roles.decorator';
import type { Member, Team } from './team';
import { CreateMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@OpsApi()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams')
  @Roles('lead', 'admin')
  list(): Promise<Team[]> {
    return this.teams.list();
  }

  @Post('teams')
  @Roles('admin')
  create(@Body() dto: CreateTeamDto, @CurrentOperator() operator: Operator): Promise<Team> {
    return this.teams.create(dto, operator);
  }

  @Patch('teams/:teamId')
  @Roles('lead', 'admin')
  update(
    @Param('teamId') teamId: string,
    @Body() dto: UpdateTeamDto,
    @CurrentOperator() operator: Operator,
  ): Promise<Team> {
    return this.teams.update(teamId, dto, operator);
  }

  @Get('teams/:teamId/members')
  @Roles('lead', 'admin')
  members(@Param('teamId') teamId: string, @CurrentOperator() operator: Operator): Promise<Member[]> {
    return this.teams.members(teamId, operator);
  }

  @Post('teams/:teamId/members')
  @Roles('lead', 'admin')
  addMember(
    @Param('teamId') teamId: string,
    @Body() dto: CreateMemberDto,
    @CurrentOperator() operator: Operator,
  ): Promise<Member> {
    return this.teams.addMember(teamId, dto, operator);
  }

  @Patch('members/:memberId')
  @Roles('lead', 'admin')
  updateMember(
    @Param('memberId') memberId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentOperator() operator: Operator,
  ): Promise<Member> {
    return this.teams.updateMember(memberId, dto, operator);
  }
}
