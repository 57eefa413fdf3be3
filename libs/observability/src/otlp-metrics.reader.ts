import { OTLPMetricExporter as GrpcExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as JsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';

/**
 * The OTLP metric reader NodeSDK would build from OTEL_* variables. NodeSDK drops its own once it is
 * given a reader (the Prometheus one), so the same variables are honoured here.
 */
export function otlpMetricReaderFromEnv(env: NodeJS.ProcessEnv = process.env): PeriodicExportingMetricReader {
  const exportIntervalMillis = Number(env.OTEL_METRIC_EXPORT_INTERVAL) || 60_000;
  const exportTimeoutMillis = Math.min(Number(env.OTEL_METRIC_EXPORT_TIMEOUT) || 30_000, exportIntervalMillis);
  return new PeriodicExportingMetricReader({ exporter: exporterFor(env), exportIntervalMillis, exportTimeoutMillis });
}

/** The OTLP protocol for metrics, as the OpenTelemetry specification reads it (http/protobuf by default). */
export function otlpMetricsProtocol(env: NodeJS.ProcessEnv): 'grpc' | 'http/json' | 'http/protobuf' {
  const protocol = (env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  return protocol === 'grpc' || protocol === 'http/json' ? protocol : 'http/protobuf';
}

function exporterFor(env: NodeJS.ProcessEnv): PushMetricExporter {
  const protocol = otlpMetricsProtocol(env);
  if (protocol === 'grpc') return new GrpcExporter();
  return protocol === 'http/json' ? new JsonExporter() : new ProtobufExporter();
}
