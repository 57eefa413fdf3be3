import { Module } from '@nestjs/common';
import { SurveyLinksModule } from '@nps/survey-links';
import { AnswersModule } from '../answers/answers.module';
import { CustomerOptOuts } from './customer-opt-outs.service';
import { OptOutRepository } from './opt-out.repository';

/** Opt-outs from the public endpoints, recorded once and announced as ContactOptedOut. */
@Module({
  imports: [SurveyLinksModule, AnswersModule],
  providers: [CustomerOptOuts, OptOutRepository],
  exports: [CustomerOptOuts],
})
export class OptOutsModule {}
