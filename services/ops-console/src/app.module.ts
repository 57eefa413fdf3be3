import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule } from '@nps/config';
import { LoggerModule } from '@nps/observability';
import { ProblemDetailsModule } from '@nps/runtime';
import { ConsoleConfigController } from './console-config/console-config.controller';
import { ConsoleHealthController } from './health/console-health.controller';
import { OpsConsoleEnv } from './ops-console.env';

/**
 * The console's own routes: config.json and the probes, all public (nothing here is data; the
 * services behind the proxies check every token). The page and the proxies are Express middleware.
 */
@Module({
  imports: [
    ConfigModule.forRoot(OpsConsoleEnv),
    LoggerModule.forRootAsync('ops-console'),
    TerminusModule.forRoot({ logger: false }),
    ProblemDetailsModule.forRoot('ops-console'),
  ],
  controllers: [ConsoleConfigController, ConsoleHealthController],
})
export class AppModule {}
