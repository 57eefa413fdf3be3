import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Roles, Scopes } from '@nps/auth';
import type { EntityManager } from 'typeorm';
import { TaggerRegistry } from '../tagging/tagger.registry';
import { modelVersionLabel } from './model.labels';
import { ModelRepository } from './model.repository';
import { ModelOverviewDto } from './model-overview.dto';
import { ModelTrainingService } from './model-training.service';
import { RetrainSummaryDto } from './retrain-summary.dto';

@ApiTags('model')
@Roles('admin')
@Scopes('taxonomy:admin')
@Controller('model')
export class ModelController {
  constructor(
    private readonly models: ModelRepository,
    private readonly training: ModelTrainingService,
    private readonly registry: TaggerRegistry,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** The model version in use, every promoted version, and the latest training runs (promoted or not). */
  @ApiOperation({ summary: 'The model version in use, promoted versions and recent training runs' })
  @Get()
  @ApiOkResponse({ type: ModelOverviewDto })
  async show(): Promise<object> {
    const [versions, runs] = await Promise.all([
      this.models.versions(this.manager),
      this.models.runs(this.manager, 20),
    ]);
    const inUse = this.registry.current().modelVersion;
    return { inUse: { version: inUse, label: modelVersionLabel(inUse) }, versions, runs };
  }

  /** Retrains now; the candidate replaces the model in use only if it is not worse on the held-out set (ADR 0057). */
  @ApiOperation({
    summary:
      'Retrain now; promoted only if it finds the held-out confirmed root causes at least as often and is not worse ' +
      'on the dev split beyond chance',
  })
  @Post('retrain')
  @HttpCode(200)
  @ApiOkResponse({ type: RetrainSummaryDto })
  async retrain(): Promise<RetrainSummaryDto> {
    return this.training.retrain('on-demand');
  }
}
