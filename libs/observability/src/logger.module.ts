import { type DynamicModule, Module } from '@nestjs/common';
import { HttpEnv } from '@nps/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { scrubLogArguments, scrubText } from './log.scrubber';

/** Credentials in request and response headers, replaced by pino before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

type SerializedError = ReturnType<typeof stdSerializers.err>;

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * Structured JSON logs (pino). Trace and span ids are added to every line written inside a
 * span by the OpenTelemetry pino instrumentation started in telemetry.ts. Credentials, survey
 * tokens, emails and phone numbers never reach the output (docs/security.md, Logs).
 */
@Module({})
export class LoggerModule {
  static forRootAsync(service: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRootAsync({
          inject: [HttpEnv],
          useFactory: (env: HttpEnv) => ({
            pinoHttp: {
              level: env.LOG_LEVEL,
              base: { service },
              // Probes and scrapes come every few seconds: a line each would drown the requests that matter.
              autoLogging: { ignore: (req) => /^\/(health|metrics)\b/.test(req.url ?? '') },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              serializers: { req: scrubbedRequest, err: scrubbedError },
              hooks: {
                logMethod(args, method) {
                  method.apply(this, scrubLogArguments(args) as Parameters<typeof method>);
                },
              },
            },
          }),
        }),
      ],
      exports: [PinoLoggerModule],
    };
  }
}

// Query and route parameters are left out: the scrubbed URL carries them without the secrets.
function scrubbedRequest(req: SerializedRequest): SerializedRequest {
  const { id, method, url, headers, remoteAddress, remotePort } = req;
  return { id, method, url: url && scrubText(url), headers, remoteAddress, remotePort };
}

// pino-http hands this an error it has serialized already; pino itself hands it the Error.
function scrubbedError(error: Error | SerializedError): SerializedError {
  const serialized = error instanceof Error ? stdSerializers.err(error) : error;
  return {
    ...serialized,
    message: scrubText(serialized.message),
    stack: serialized.stack && scrubText(serialized.stack),
  };
}
