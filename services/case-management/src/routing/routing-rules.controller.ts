import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import type { RoutingRule } from './routing-rule';
import { CreateRoutingRuleDto, PreviewRoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';
import type { RulePreview } from './rule.preview';

@ApiTags('routing rules')
@Roles('lead', 'admin')
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  list(): Promise<RoutingRule[]> {
    return this.rules.list();
  }

  @Post()
  create(@Body() dto: CreateRoutingRuleDto, @CurrentPrincipal() principal: Principal): Promise<RoutingRule> {
    return this.rules.create(dto, principal);
  }

  /**
   * "Try this rule": which of the newest cases a draft matches and would route at its position (nothing is
   * stored); other teams' cases are redacted to when, where and whether the draft would take them (ADR 0020).
   */
  @Post('preview')
  @HttpCode(200)
  preview(@Body() dto: PreviewRoutingRuleDto, @CurrentPrincipal() principal: Principal): Promise<RulePreview> {
    return this.rules.preview(dto, principal);
  }

  @Patch(':ruleId')
  update(
    @Param('ruleId') ruleId: string,
    @Body() dto: UpdateRoutingRuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoutingRule> {
    return this.rules.update(ruleId, dto, principal);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('ruleId') ruleId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.rules.remove(ruleId, principal);
  }
}
