import { Module } from '@nestjs/common';
import { SurveyLinksModule } from '@nps/survey-links';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { Clock } from './clock';
import { ResponseRepository } from './response.repository';
import { SurveyAnswers } from './survey-answers.service';

/** Accepting answers: token checks, single use and revisions, responses and their events. */
@Module({
  imports: [SurveyLinksModule],
  providers: [SurveyAnswers, ResponseRepository, SurveyRequestRepository, Clock],
  exports: [SurveyAnswers, ResponseRepository, SurveyRequestRepository, Clock],
})
export class AnswersModule {}
