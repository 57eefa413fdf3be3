import { Module } from '@nestjs/common';
import { BaseEnv, ConfigError } from '@nps/config';
import { SurveyLinkEnv } from './survey-link.env';
import { SurveyLinks } from './survey-links';

/** Provides SurveyLinks to a service whose env class extends SurveyLinkEnv. */
@Module({
  providers: [
    {
      provide: SurveyLinks,
      inject: [BaseEnv],
      useFactory: (env: BaseEnv) => {
        if (!(env instanceof SurveyLinkEnv))
          throw new ConfigError('SurveyLinksModule needs a service env class that extends SurveyLinkEnv');
        return new SurveyLinks(env.SURVEY_LINK_KEYS, env.SURVEY_PAGE_URL);
      },
    },
  ],
  exports: [SurveyLinks],
})
export class SurveyLinksModule {}
