import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import type { Member } from './team';
import type { TeamView } from './team.view';
import { CreateMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams')
  @Roles('lead', 'admin')
  list(@CurrentPrincipal() principal: Principal): Promise<TeamView[]> {
    return this.teams.list(principal);
  }

  @Post('teams')
  @Roles('admin')
  create(@Body() dto: CreateTeamDto, @CurrentPrincipal() principal: Principal): Promise<TeamView> {
    return this.teams.create(dto, principal);
  }

  @Patch('teams/:teamId')
  @Roles('lead', 'admin')
  update(
    @Param('teamId') teamId: string,
    @Body() dto: UpdateTeamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamView> {
    return this.teams.update(teamId, dto, principal);
  }

  @Get('teams/:teamId/members')
  @Roles('lead', 'admin')
  members(@Param('teamId') teamId: string, @CurrentPrincipal() principal: Principal): Promise<Member[]> {
    return this.teams.members(teamId, principal);
  }

  @Post('teams/:teamId/members')
  @Roles('lead', 'admin')
  addMember(
    @Param('teamId') teamId: string,
    @Body() dto: CreateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.teams.addMember(teamId, dto, principal);
  }

  @Patch('members/:memberId')
  @Roles('lead', 'admin')
  updateMember(
    @Param('memberId') memberId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Member> {
    return this.teams.updateMember(memberId, dto, principal);
  }
}
