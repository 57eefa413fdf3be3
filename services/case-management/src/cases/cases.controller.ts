import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import {
  AddNoteDto,
  CloseCaseDto,
  LogContactDto,
  ReassignCaseDto,
  ReopenCaseDto,
  ResolveCaseDto,
} from './case-action.dto';
import { CaseActionsService } from './case-actions.service';
import { CaseDetailDto } from './case-detail.dto';
import { CaseListService, type CaseListing } from './case-list.service';
import type { ListedCase } from './case-list.repository';
import { CaseListItemDto, CasePageDto } from './case-page.dto';
import { CaseQueriesService } from './case-queries.service';
import { CaseQueueQuery } from './case-queue.dto';
import { CaseDto } from './case.dto';
import type { CaseRecord } from './case.record';

const CaseId = () => Param('caseId', new ParseUUIDPipe({ version: '5' }));
const AFTER_ACTION = { type: CaseDto, description: 'the case after the action' };

@ApiTags('cases')
// Which case a caller may see is decided per case by team (ADR 0020), not by role alone.
@Roles('agent', 'lead', 'admin')
@ApiConflictResponse({
  description: 'ILLEGAL_TRANSITION: the case is not in a state that allows this; `allowed` names what is',
})
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly listing: CaseListService,
    private readonly actions: CaseActionsService,
  ) {}

  /** My (or my teams') cases, a page at a time with the total, newest first unless sorted otherwise (ADR 0027). */
  @Get()
  @ApiOkResponse({ type: CasePageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or INVALID_CURSOR: a cursor of another listing' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: `teamId` is not one of your teams' })
  list(@Query() query: CaseQueueQuery, @CurrentPrincipal() principal: Principal): Promise<CaseListing> {
    return this.listing.list(query, principal);
  }

  /** The case of a survey response; 404 as well when it belongs to a team that is not yours (ADR 0027). */
  @Get('by-response/:responseId')
  @ApiOkResponse({ type: CaseListItemDto })
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND: no case of this response in your teams' })
  byResponse(@Param('responseId') responseId: string, @CurrentPrincipal() principal: Principal): Promise<ListedCase> {
    return this.listing.byResponse(responseId, principal);
  }

  /** The case with the customer story: scores over time, comments, tags, previous cases, CRM facts. */
  @Get(':caseId')
  @ApiOkResponse({ type: CaseDetailDto })
  detail(@CaseId() caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.detail(caseId, principal);
  }

  @Post(':caseId/contacts')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  logContact(
    @CaseId() caseId: string,
    @Body() dto: LogContactDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.logContact(caseId, dto, principal);
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  addNote(
    @CaseId() caseId: string,
    @Body() dto: AddNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.addNote(caseId, dto, principal);
  }

  @Post(':caseId/resolve')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  resolve(
    @CaseId() caseId: string,
    @Body() dto: ResolveCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.resolve(caseId, dto, principal);
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  close(
    @CaseId() caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.close(caseId, dto, principal);
  }

  @Post(':caseId/reopen')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  reopen(
    @CaseId() caseId: string,
    @Body() dto: ReopenCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.reopen(caseId, dto, principal);
  }

  @Post(':caseId/reassign')
  @HttpCode(200)
  @ApiOkResponse(AFTER_ACTION)
  @Roles('lead', 'admin')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or MEMBER_NOT_FOUND: `ownerId` names no member' })
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  reassign(
    @CaseId() caseId: string,
    @Body() dto: ReassignCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.reassign(caseId, dto, principal);
  }
}
