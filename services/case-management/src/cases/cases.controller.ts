import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
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
import { CaseQueriesService } from './case-queries.service';
import { CaseQueueQuery } from './case-queue.dto';
import type { CaseRecord } from './case.record';

const CaseId = () => Param('caseId', new ParseUUIDPipe({ version: '5' }));

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
    private readonly actions: CaseActionsService,
  ) {}

  /** My (or my teams') cases, next deadline first; never another team's unless admin. */
  @Get()
  queue(@Query() query: CaseQueueQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.queue(query, principal);
  }

  /** The case with the customer story: scores over time, comments, tags, previous cases, CRM facts. */
  @Get(':caseId')
  detail(@CaseId() caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.detail(caseId, principal);
  }

  @Post(':caseId/contacts')
  @HttpCode(200)
  logContact(
    @CaseId() caseId: string,
    @Body() dto: LogContactDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.logContact(caseId, dto, principal);
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  addNote(
    @CaseId() caseId: string,
    @Body() dto: AddNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.addNote(caseId, dto, principal);
  }

  @Post(':caseId/resolve')
  @HttpCode(200)
  resolve(
    @CaseId() caseId: string,
    @Body() dto: ResolveCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.resolve(caseId, dto, principal);
  }

  @Post(':caseId/close')
  @HttpCode(200)
  close(
    @CaseId() caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.close(caseId, dto, principal);
  }

  @Post(':caseId/reopen')
  @HttpCode(200)
  reopen(
    @CaseId() caseId: string,
    @Body() dto: ReopenCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.reopen(caseId, dto, principal);
  }

  @Post(':caseId/reassign')
  @HttpCode(200)
  @Roles('lead', 'admin')
  reassign(
    @CaseId() caseId: string,
    @Body() dto: ReassignCaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseRecord> {
    return this.actions.reassign(caseId, dto, principal);
  }
}
