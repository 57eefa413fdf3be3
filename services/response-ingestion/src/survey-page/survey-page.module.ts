import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { SurveyAssetsController } from './survey-assets.controller';
import { SurveyPageController } from './survey-page.controller';
import { SurveyPageRenderer } from './survey-page.renderer';

@Module({
  imports: [AnswersModule],
  controllers: [SurveyPageController, SurveyAssetsController],
  providers: [SurveyPageRenderer],
})
export class SurveyPageModule {}
