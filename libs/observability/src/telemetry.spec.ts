import { context, isSpanContextValid, metrics, propagation, trace } from '@opentelemetry/api';
import { startTelemetry, stopTelemetry } from './telemetry';

describe('telemetry without an OTLP endpoint', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_TRACES_SAMPLER;
  });

  afterEach(async () => {
    await stopTelemetry();
    // The SDK registers global providers once; shutting it down does not unregister them.
    for (const api of [trace, context, propagation, metrics]) api.disable();
    process.env = { ...saved };
  });

  it('records no span, yet every span has ids for the logs and the next service', () => {
    startTelemetry('telemetry-spec');
    const span = trace.getTracer('spec').startSpan('work');
    expect(span.isRecording()).toBe(false);
    expect(isSpanContextValid(span.spanContext())).toBe(true);
    span.end();
  });

  it('records spans when OTEL_TRACES_SAMPLER asks for them', () => {
    process.env.OTEL_TRACES_SAMPLER = 'always_on';
    startTelemetry('telemetry-spec');
    const span = trace.getTracer('spec').startSpan('work');
    expect(span.isRecording()).toBe(true);
    span.end();
  });
});
