import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring.module';
import { ImprovementActionEventsHandler } from './improvement-action-events.handler';
import { ImprovementActionRepository } from './improvement-action.repository';
import { ImprovementEffectService } from './improvement-effect.service';
import { ImprovementEffectsController } from './improvement-effects.controller';

/** The measured effect of improvement actions (ADR 0033): its own module, one import in AppModule. */
@Module({
  imports: [ScoringModule],
  controllers: [ImprovementActionEventsHandler, ImprovementEffectsController],
  providers: [ImprovementActionRepository, ImprovementEffectService],
})
export class ImprovementEffectsModule {}
