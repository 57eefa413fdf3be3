import { BaseEnv, DevelopmentDefault } from '@nps/config';
import { Matches } from 'class-validator';

/** Development-only signing key: fine on a laptop, replaced through SURVEY_LINK_KEYS anywhere else. */
export const DEVELOPMENT_SURVEY_LINK_KEYS = 'dev-1:local-development-only-survey-link-secret';

const DEVELOPMENT_SECRET = DEVELOPMENT_SURVEY_LINK_KEYS.split(':')[1];

/** Whether any kid:secret pair uses the development secret (also when rotated out of first place). */
function holdsDevelopmentKey(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return value.split(',').some((pair) => pair.slice(pair.indexOf(':') + 1) === DEVELOPMENT_SECRET);
}

/** Variables of the services that sign survey links (survey-dispatch) or verify them (response-ingestion). */
export class SurveyLinkEnv extends BaseEnv {
  /**
   * Comma-separated `kid:secret` pairs. The first signs new links; all of them verify, so a key
   * rotated out of first place keeps its links working until it is removed.
   */
  @Matches(/^[A-Za-z0-9_-]{1,32}:[^\s,:]{16,}(,[A-Za-z0-9_-]{1,32}:[^\s,:]{16,})*$/, {
    message:
      'must be comma-separated kid:secret pairs (kid: letters, digits, "_", "-"; secret: at least 16 characters)',
  })
  @DevelopmentDefault({ when: holdsDevelopmentKey, reason: 'holds the development key' })
  SURVEY_LINK_KEYS = DEVELOPMENT_SURVEY_LINK_KEYS;

  /** Public base URL of response-ingestion, where survey links point. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL' })
  SURVEY_PAGE_URL = 'http://127.0.0.1:3002';
}
