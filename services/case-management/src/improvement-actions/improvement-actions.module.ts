import { Module } from '@nestjs/common';
import { RootCauseCheck } from '../root-causes/root-cause.check';
import { RootCauseRepository } from '../root-causes/root-cause.repository';
import { TeamRepository } from '../teams/team.repository';
import { ImprovementActionRepository } from './improvement-action.repository';
import { ImprovementActionsController } from './improvement-actions.controller';
import { ImprovementActionsService } from './improvement-actions.service';

/**
 * Improvement actions as their own module, so the feature is one import in AppModule. The root-cause
 * and team repositories are stateless readers of their tables, provided here again rather than exported
 * from AppModule.
 */
@Module({
  controllers: [ImprovementActionsController],
  providers: [
    ImprovementActionRepository,
    ImprovementActionsService,
    RootCauseCheck,
    RootCauseRepository,
    TeamRepository,
  ],
})
export class ImprovementActionsModule {}
