import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import type { IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { otlpMetricReaderFromEnv } from './otlp-metrics.reader';

let sdk: NodeSDK | undefined;
let prometheus: PrometheusExporter | undefined;

/**
 * Starts OpenTelemetry for this process. Must run before NestJS, pg or kafkajs are imported,
 * which is why every service's main.ts imports its `instrument.ts` first.
 * Traces and metrics go to OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Otherwise spans are
 * not recorded (unless OTEL_TRACES_SAMPLER asks), but they still carry trace ids, into the logs and
 * on to the next service's (ADR 0051). Metrics are always kept for Prometheus,
 * which scrapes them from GET /metrics on the service's own HTTP port (docs/adr/0023).
 */
export function startTelemetry(serviceName: string): NodeSDK {
  if (sdk) return sdk;
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  const exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  // No server of its own: runtime's MetricsController serves it, so a pod exposes one port.
  prometheus = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true });
  const metricReaders: IMetricReader[] = [prometheus];
  if (exporting && process.env.OTEL_METRICS_EXPORTER !== 'none') metricReaders.push(otlpMetricReaderFromEnv());
  sdk = new NodeSDK({
    metricReaders,
    // Without an exporter the SDK would install no tracer at all, and logs would lose trace ids.
    spanProcessors: exporting ? undefined : [new NoopSpanProcessor()],
    // A span nobody exports costs its attributes, timings and events all the same (about a tenth of
    // response-ingestion's busy time at the JSON API's rate, ADR 0051). Unrecorded spans keep their ids.
    sampler: exporting || process.env.OTEL_TRACES_SAMPLER ? undefined : new AlwaysOffSampler(),
    // Only what a service of ours touches. The auto-instrumentations bundle loads and patches about
    // forty libraries (router, dataloader, undici…), which cost memory and a span per call for nothing.
    // Not kafkajs: @nps/messaging propagates trace context itself. Events leave through the outbox
    // relay, whose send has no trace of its own; that instrumentation would stamp the relay's context
    // over the one the outbox row carries (docs/adr/0004).
    instrumentations: [
      new HttpInstrumentation(),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new PgInstrumentation(),
      new PinoInstrumentation(),
      // nodejs_eventloop_* and v8js_* (docs/observability.md).
      new RuntimeNodeInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}

/** The reader GET /metrics serves; undefined before startTelemetry (as in unit tests). */
export function prometheusExporter(): PrometheusExporter | undefined {
  return prometheus;
}

/** Flushes and stops telemetry; called on shutdown after the application closed. */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
  prometheus = undefined;
}
