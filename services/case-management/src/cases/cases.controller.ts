import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentOperator } from '../auth/current-operator.decorator';
import type { Operator } from '../auth/operator';
import { OpsApi } from '../auth/ops-api.decorator';
import { Roles } from '../auth/roles.decorator';
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
@OpsApi()
@ApiConflictResponse({
  description: 'ILLEGAL_TRANSITION: the case is not in a state that allows this; `allowed` names what is',
})
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly actions: CaseActionsService,
  ) {}

  /** My (or my teams') cases, next deadline first. */
  @Get()
  queue(@Query() query: CaseQueueQuery, @CurrentOperator() operator: Operator) {
    return this.queries.queue(query, operator);
  }

  /** The case with the customer story: scores over time, comments, tags, previous cases, CRM facts. */
  @Get(':caseId')
  detail(@CaseId() caseId: string, @CurrentOperator() operator: Operator) {
    return this.queries.detail(caseId, operator);
  }

  @Post(':caseId/contacts')
  @HttpCode(200)
  logContact(
    @CaseId() caseId: string,
    @Body() dto: LogContactDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.logContact(caseId, dto, operator);
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  addNote(
    @CaseId() caseId: string,
    @Body() dto: AddNoteDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.addNote(caseId, dto, operator);
  }

  @Post(':caseId/resolve')
  @HttpCode(200)
  resolve(
    @CaseId() caseId: string,
    @Body() dto: ResolveCaseDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.resolve(caseId, dto, operator);
  }

  @Post(':caseId/close')
  @HttpCode(200)
  close(
    @CaseId() caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.close(caseId, dto, operator);
  }

  @Post(':caseId/reopen')
  @HttpCode(200)
  reopen(
    @CaseId() caseId: string,
    @Body() dto: ReopenCaseDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.reopen(caseId, dto, operator);
  }

  @Post(':caseId/reassign')
  @HttpCode(200)
  @Roles('lead', 'admin')
  reassign(
    @CaseId() caseId: string,
    @Body() dto: ReassignCaseDto,
    @CurrentOperator() operator: Operator,
  ): Promise<CaseRecord> {
    return this.actions.reassign(caseId, dto, operator);
  }
}
