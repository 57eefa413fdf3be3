import type { Provider } from '@nestjs/common';
import { parseQuietHours } from '../contact-policy/quiet-hours';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { SurveyLifecycle } from './survey-lifecycle';

export const surveyLifecycleProvider: Provider = {
  provide: SurveyLifecycle,
  inject: [SurveyDispatchEnv],
  useFactory: (env: SurveyDispatchEnv) =>
    new SurveyLifecycle({
      expiryMs: env.SURVEY_EXPIRY_MS,
      reminderDelayMs: env.REMINDER_DELAY_MS,
      maxAttempts: env.SEND_MAX_ATTEMPTS,
      retryBackoffMs: env.SEND_RETRY_BACKOFF_MS,
      quietHours: parseQuietHours(env.QUIET_HOURS),
    }),
};
