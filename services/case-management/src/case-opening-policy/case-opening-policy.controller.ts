import { Body, Controller, Get, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import { DataSource } from 'typeorm';
import type { CaseOpeningPolicy } from './case-opening-policy';
import { CaseOpeningPolicyDto, PutCaseOpeningPolicyDto } from './case-opening-policy.dto';
import { CaseOpeningPolicyRepository } from './case-opening-policy.repository';

/** Which detractors open a case (docs/outer-loop.md, "Case-opening policy"; ADR 0030). */
@ApiTags('case-opening policy')
@Controller('case-opening-policy')
export class CaseOpeningPolicyController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: CaseOpeningPolicyRepository,
  ) {}

  @Get()
  @Roles('agent', 'lead', 'admin')
  @ApiOkResponse({ type: CaseOpeningPolicyDto, description: 'the version in force' })
  current(): Promise<CaseOpeningPolicy> {
    return this.policies.current(this.db.manager);
  }

  @Get('versions')
  @Roles('agent', 'lead', 'admin')
  @ApiOkResponse({ type: [CaseOpeningPolicyDto], description: 'every version, newest first' })
  versions(): Promise<CaseOpeningPolicy[]> {
    return this.policies.versions(this.db.manager);
  }

  /** A new version; detractors decided before keep the version that decided them (CaseSkipped.policy_version). */
  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: CaseOpeningPolicyDto, description: 'the new version' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a setting is missing or out of range' })
  put(@Body() dto: PutCaseOpeningPolicyDto, @CurrentPrincipal() principal: Principal): Promise<CaseOpeningPolicy> {
    const settings = {
      maxAnswerAgeDays: dto.maxAnswerAgeDays,
      excludedSources: dto.excludedSources,
      excludedChannels: dto.excludedChannels,
      holdoutShare: dto.holdoutShare,
    };
    return this.db.transaction((manager) => this.policies.add(manager, settings, principal.subject));
  }
}
