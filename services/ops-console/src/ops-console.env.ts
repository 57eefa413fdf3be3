import { DevelopmentDefault, HttpEnv } from '@nps/config';
import { IsString, Matches } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/**
 * Configuration of the ops console: where the APIs it proxies live and how the page signs people in.
 * No database and no Kafka, so HttpEnv rather than BaseEnv (docs/ops-console.md).
 */
export class OpsConsoleEnv extends HttpEnv {
  override PORT: number = 3000;

  /** Base URL of case-management; `/api/case-management/*` is proxied to it. */
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @DevelopmentDefault({ reason: 'is the local development address', secret: false })
  CASE_MANAGEMENT_URL = 'http://127.0.0.1:3005';

  /** Base URL of scoring; `/api/scoring/*` is proxied to it. */
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @DevelopmentDefault({ reason: 'is the local development address', secret: false })
  SCORING_URL = 'http://127.0.0.1:3003';

  /** The console's public client at the issuer (Authorization Code + PKCE, no secret). */
  @IsString()
  OIDC_CLIENT_ID = 'ops-console';

  /** The built single-page app (`npm run build`), relative to the working directory or absolute. */
  @IsString()
  OPS_CONSOLE_WEB_ROOT = 'dist/services/ops-console/web';
}
