import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@nps/auth';
import type { RoutingRule } from './routing-rule';
import { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

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
