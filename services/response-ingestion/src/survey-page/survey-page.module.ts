import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { SurveyPageController } from './survey-page.controller';
import { SurveyPageRenderer } from './survey-page.renderer';

@Module({ imports: [AnswersModule], controllers: [SurveyPageController], providers: [SurveyPageRenderer] })
export class SurveyPageModule {}
