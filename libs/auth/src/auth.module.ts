import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BaseEnv } from '@nps/config';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthGuard } from './auth.guard';
import { AuthSettings, authSettingsFrom } from './auth.settings';

/**
 * Installs AuthGuard for every route of the app (deny by default), verifying tokens of the issuer
 * named by the service's OIDC_* variables. Needs ConfigModule (BaseEnv) in the app.
 */
@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AuthSettings, inject: [BaseEnv], useFactory: authSettingsFrom },
        AccessTokenVerifier,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AccessTokenVerifier],
    };
  }
}
