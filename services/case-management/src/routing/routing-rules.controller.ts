import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentOperator } from '../auth/current-operator.decorator';
import type { Operator } from '../auth/operator';
import { OpsApi } from '../auth/ops-api.decorator';
import { Roles } from '../auth/roles.decorator';
import type { RoutingRule } from './routing-rule';
import { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('routing rules')
@OpsApi()
@Roles('lead', 'admin')
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  list(): Promise<RoutingRule[]> {
    return this.rules.list();
  }

  @Post()
  create(@Body() dto: CreateRoutingRuleDto, @CurrentOperator() operator: Operator): Promise<RoutingRule> {
    return this.rules.create(dto, operator);
  }

  @Patch(':ruleId')
  update(
    @Param('ruleId') ruleId: string,
    @Body() dto: UpdateRoutingRuleDto,
    @CurrentOperator() operator: Operator,
  ): Promise<RoutingRule> {
    return this.rules.update(ruleId, dto, operator);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('ruleId') ruleId: string, @CurrentOperator() operator: Operator): Promise<void> {
    return this.rules.remove(ruleId, operator);
  }
}
