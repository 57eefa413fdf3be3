import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import { MemberDto } from './member.dto';
import { CreateMemberDto, CreateTeamDto, UpdateMemberDto, UpdateTeamDto } from './team.dto';
import { TeamViewDto } from './team-view.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: [TeamViewDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<TeamViewDto[]> {
    return this.teams.list(principal);
  }

  @Post('teams')
  @Roles('admin')
  @ApiCreatedResponse({ type: TeamViewDto })
  create(@Body() dto: CreateTeamDto, @CurrentPrincipal() principal: Principal): Promise<TeamViewDto> {
    return this.teams.create(dto, principal);
  }

  @Patch('teams/:teamId')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: TeamViewDto })
  update(
    @Param('teamId') teamId: string,
    @Body() dto: UpdateTeamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamViewDto> {
    return this.teams.update(teamId, dto, principal);
  }

  @Get('teams/:teamId/members')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: [MemberDto] })
  members(@Param('teamId') teamId: string, @CurrentPrincipal() principal: Principal): Promise<MemberDto[]> {
    return this.teams.members(teamId, principal);
  }

  @Post('teams/:teamId/members')
  @Roles('lead', 'admin')
  @ApiCreatedResponse({ type: MemberDto })
  addMember(
    @Param('teamId') teamId: string,
    @Body() dto: CreateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberDto> {
    return this.teams.addMember(teamId, dto, principal);
  }

  @Patch('members/:memberId')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: MemberDto })
  updateMember(
    @Param('memberId') memberId: string,
    @Body() dto: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberDto> {
    return this.teams.updateMember(memberId, dto, principal);
  }
}
