import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import {
  CloseImprovementActionDto,
  CreateImprovementActionDto,
  ImprovementActionDto,
  ImprovementActionListQuery,
  ImprovementActionViewDto,
  LinkCasesDto,
  ReleaseImprovementActionDto,
} from './improvement-action.dto';
import type { ImprovementActionRecord, ImprovementActionView } from './improvement-action.record';
import { ImprovementActionsService } from './improvement-actions.service';

const ActionId = () => Param('id', new ParseUUIDPipe());
const NOT_FOUND = { description: 'IMPROVEMENT_ACTION_NOT_FOUND' };
const VIEW = { type: ImprovementActionViewDto };
const CONFLICT = {
  description: 'ILLEGAL_TRANSITION: the action is not in a state that allows this; `allowed` names what is',
};

/** The outer loop: systemic fixes of a root cause, tracked to a release whose effect scoring measures (ADR 0033). */
@ApiTags('improvement-actions')
@Roles('agent', 'lead', 'admin', 'analyst')
@Controller('improvement-actions')
export class ImprovementActionsController {
  constructor(private readonly actions: ImprovementActionsService) {}

  @Post()
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'Open an improvement action for a root cause of the current taxonomy' })
  @ApiCreatedResponse(VIEW)
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, UNKNOWN_ROOT_CAUSE or MEMBER_NOT_FOUND; `fields` names it',
  })
  open(
    @Body() dto: CreateImprovementActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImprovementActionView> {
    return this.actions.open(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Improvement actions, newest first, by status and root cause' })
  @ApiOkResponse({ type: [ImprovementActionDto] })
  list(@Query() query: ImprovementActionListQuery): Promise<ImprovementActionRecord[]> {
    return this.actions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One improvement action with the ids of its linked cases' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse(NOT_FOUND)
  detail(@ActionId() id: string): Promise<ImprovementActionView> {
    return this.actions.detail(id);
  }

  @Post(':id/cases')
  @HttpCode(200)
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'Link cases that show the root cause (linking one twice changes nothing)' })
  @ApiOkResponse(VIEW)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or CASE_NOT_FOUND naming `unknownCaseIds`' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  linkCases(
    @ActionId() id: string,
    @Body() dto: LinkCasesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImprovementActionView> {
    return this.actions.linkCases(id, dto, principal);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'The fix went live at `releasedAt` (now by default); scoring compares NPS around it' })
  @ApiOkResponse(VIEW)
  @ApiBadRequestResponse({ description: 'RELEASED_IN_FUTURE' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  release(
    @ActionId() id: string,
    @Body() dto: ReleaseImprovementActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImprovementActionView> {
    return this.actions.release(id, dto, principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'Close the action with a note: the effect seen, or why it was abandoned' })
  @ApiOkResponse(VIEW)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  close(
    @ActionId() id: string,
    @Body() dto: CloseImprovementActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImprovementActionView> {
    return this.actions.close(id, dto, principal);
  }
}
