import { otlpMetricsProtocol } from './otlp-metrics.reader';

describe('otlpMetricsProtocol', () => {
  it.each([
    [{}, 'http/protobuf'],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'grpc'],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: ' http/json ' }, 'http/json'],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' }, 'http/json'],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon' }, 'http/protobuf'],
  ])('%j → %s', (env, protocol) => expect(otlpMetricsProtocol(env)).toBe(protocol));
});
