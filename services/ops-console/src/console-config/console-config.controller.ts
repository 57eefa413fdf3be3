import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@nps/auth';
import { OpsConsoleEnv } from '../ops-console.env';

/** What the page needs to sign people in, read at boot: nothing secret, the client is public. */
export interface ConsoleConfig {
  issuer: string;
  clientId: string;
  /** Resource indicator the page asks tokens for: the services' `aud`. */
  audience: string;
  rolesClaim: string;
  teamsClaim: string;
}

// Public: the page reads it before anyone has signed in, and it holds nothing secret.
@Public()
@Controller()
export class ConsoleConfigController {
  constructor(private readonly env: OpsConsoleEnv) {}

  @Get('config.json')
  @Header('cache-control', 'no-cache')
  config(): ConsoleConfig {
    return {
      issuer: this.env.OIDC_ISSUER,
      clientId: this.env.OIDC_CLIENT_ID,
      audience: this.env.OIDC_AUDIENCE,
      rolesClaim: this.env.OIDC_ROLES_CLAIM,
      teamsClaim: this.env.OIDC_TEAMS_CLAIM,
    };
  }
}
