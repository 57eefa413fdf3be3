import { type DynamicModule, Module } from '@nestjs/common';
import { BaseEnv } from '@nps/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';

/**
 * Structured JSON logs (pino). Trace and span ids are added to every line written inside a
 * span by the OpenTelemetry pino instrumentation started in telemetry.ts.
 */
@Module({})
export class LoggerModule {
  static forRootAsync(service: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => ({
            pinoHttp: {
              level: env.LOG_LEVEL,
              base: { service },
              autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
            },
          }),
        }),
      ],
      exports: [PinoLoggerModule],
    };
  }
}
