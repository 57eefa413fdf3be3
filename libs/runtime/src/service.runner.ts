import { type INestApplication, Logger as NestLogger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type BaseEnv, ConfigError, cachedEnv, type HttpEnv } from '@nps/config';
import { KafkaTransportFactory, RethrowRpcFilter } from '@nps/messaging';
import { stopTelemetry } from '@nps/observability/telemetry';
import { Logger } from 'nestjs-pino';
import { applyHeapGrowth, settleHeapOnceReady } from './heap-growth';
import { useBodyLimits, useSecurityHeaders } from './http/http-hardening';
import { type ApiDescription, serveOpenApi } from './openapi.setup';

export interface RunOptions<E extends BaseEnv> {
  name: string;
  env: new () => E;
  /** Served as OpenAPI at /docs and /docs-json. */
  api?: ApiDescription;
  /** Service-specific HTTP set-up (body parsers, pipes, filters), applied before the app initialises. */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Boots a service: validated config, JSON logs, HTTP (health and APIs) and the Kafka consumer
 * on one Nest app; SIGTERM/SIGINT stop intake, finish in-flight work, commit and exit 0.
 */
export async function runService<E extends BaseEnv>(
  appModule: Type,
  options: RunOptions<E>,
): Promise<INestApplication> {
  const env = loadEnvOrExit(options.env);
  applyHeapGrowth(env.HEAP_GROWING_PERCENT);
  const loadedMs = Math.round(process.uptime() * 1000);
  const app = await NestFactory.create(appModule, {
    bufferLogs: true,
    forceCloseConnections: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  useSecurityHeaders(app, env);
  await options.configure?.(app);
  useBodyLimits(app, env);
  if (options.api) {
    const exposure = { production: env.NPS_ENV === 'production', retryAfterSeconds: env.HTTP_RETRY_AFTER_SECONDS };
    serveOpenApi(app, options.name, options.api, exposure);
  }
  // Module init (migrations, topic creation) must finish before the consumer subscribes.
  const initStartedMs = Date.now();
  await app.init();
  const initMs = Date.now() - initStartedMs;
  const transport = app.get(KafkaTransportFactory).create();
  // Deferred, so the filter below is in place before Nest wraps the handlers (it reads global
  // filters once, when it registers them); app.init() has already run the lifecycle hooks.
  const microservice = app.connectMicroservice(
    { strategy: transport },
    { inheritAppConfig: false, deferInitialization: true },
  );
  (microservice as unknown as { setIsInitHookCalled(called: boolean): void }).setIsInitHookCalled(true);
  microservice.useGlobalFilters(new RethrowRpcFilter());
  await app.startAllMicroservices();
  await app.listen(env.PORT, env.HOST);
  stopOnSignals(app, env.SHUTDOWN_TIMEOUT_MS);
  // Where a start-up goes (docs/reliability.md): loading code, then init (migrations, topics, connections).
  const readyMs = Math.round(process.uptime() * 1000);
  const msg = `${options.name} listening on port ${env.PORT} after ${readyMs} ms`;
  new NestLogger(options.name).log({ msg, loadedMs, initMs, readyMs });
  settleHeapOnceReady(env.HEAP_GROWING_PERCENT);
  return app;
}

export interface HttpRunOptions<E extends HttpEnv> {
  name: string;
  env: new () => E;
  /** HTTP set-up applied before the body parsers (a proxy must see the request body unread). */
  configure?: (app: INestApplication, env: E) => void | Promise<void>;
  /** Content security policy directives added to the platform's (useSecurityHeaders). */
  csp?: (env: E) => Record<string, string[]>;
}

/**
 * Boots an HTTP-only process without a database or Kafka (the ops console): validated config, JSON
 * logs, security headers, and the same start-up line and signal handling as runService.
 */
export async function runHttpService<E extends HttpEnv>(
  appModule: Type,
  options: HttpRunOptions<E>,
): Promise<INestApplication> {
  const env = loadEnvOrExit(options.env);
  applyHeapGrowth(env.HEAP_GROWING_PERCENT);
  const app = await NestFactory.create(appModule, {
    bufferLogs: true,
    forceCloseConnections: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  useSecurityHeaders(app, env, options.csp?.(env));
  await options.configure?.(app, env);
  useBodyLimits(app, env);
  await app.listen(env.PORT, env.HOST);
  stopOnSignals(app, env.SHUTDOWN_TIMEOUT_MS);
  const readyMs = Math.round(process.uptime() * 1000);
  new NestLogger(options.name).log({
    msg: `${options.name} listening on port ${env.PORT} after ${readyMs} ms`,
    readyMs,
  });
  settleHeapOnceReady(env.HEAP_GROWING_PERCENT);
  return app;
}

function loadEnvOrExit<E extends HttpEnv>(envClass: new () => E): E {
  try {
    return cachedEnv(envClass);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function stopOnSignals(app: INestApplication, timeoutMs: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    const logger = new NestLogger('Shutdown');
    // Ctrl-C under a supervisor often brings SIGINT and SIGTERM together: drain once.
    if (stopping) return logger.log(`${signal} received: already draining`);
    stopping = true;
    logger.log(`${signal} received: draining`);
    setTimeout(() => {
      logger.error(`still draining after ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    await app.close();
    await stopTelemetry();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
