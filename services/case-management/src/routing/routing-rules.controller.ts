import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import { CreateRoutingRuleDto, PreviewRoutingRuleDto, RoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';
import { RulePreviewDto } from './rule-preview.dto';
import type { RulePreview } from './rule.preview';

@ApiTags('routing rules')
@Roles('lead', 'admin')
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @ApiOkResponse({ type: [RoutingRuleDto], description: 'in the order they are tried' })
  list(): Promise<RoutingRuleDto[]> {
    return this.rules.list();
  }

  @Post()
  @ApiCreatedResponse({ type: RoutingRuleDto })
  create(@Body() dto: CreateRoutingRuleDto, @CurrentPrincipal() principal: Principal): Promise<RoutingRuleDto> {
    return this.rules.create(dto, principal);
  }

  /**
   * "Try this rule": which of the newest cases a draft matches and would route at its position (nothing is
   * stored); other teams' cases are redacted to when, where and whether the draft would take them (ADR 0020).
   */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: RulePreviewDto })
  preview(@Body() dto: PreviewRoutingRuleDto, @CurrentPrincipal() principal: Principal): Promise<RulePreview> {
    return this.rules.preview(dto, principal);
  }

  @Patch(':ruleId')
  @ApiOkResponse({ type: RoutingRuleDto })
  update(
    @Param('ruleId') ruleId: string,
    @Body() dto: UpdateRoutingRuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoutingRuleDto> {
    return this.rules.update(ruleId, dto, principal);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted' })
  remove(@Param('ruleId') ruleId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.rules.remove(ruleId, principal);
  }
}
