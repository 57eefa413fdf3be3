import { context, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { inSpan, linksTo } from './spans';

describe('spans', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer('test');

  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());
  beforeEach(() => exporter.reset());

  it('links to each context that carries a span, and skips the others', () => {
    const first = tracer.startSpan('first');
    const second = tracer.startSpan('second');
    const contexts = [trace.setSpan(ROOT_CONTEXT, first), ROOT_CONTEXT, trace.setSpan(ROOT_CONTEXT, second)];
    expect(linksTo(contexts).map((link) => link.context.spanId)).toEqual([
      first.spanContext().spanId,
      second.spanContext().spanId,
    ]);
  });

  it('makes the span active for the work and ends it with the work', async () => {
    const span = tracer.startSpan('work');
    const active = await inSpan(span, ROOT_CONTEXT, async () => trace.getActiveSpan()?.spanContext().spanId);
    expect(active).toBe(span.spanContext().spanId);
    expect(exporter.getFinishedSpans().map((s) => [s.name, s.status.code])).toEqual([['work', SpanStatusCode.UNSET]]);
  });

  it('marks the span failed, records the exception and rethrows it', async () => {
    const failing = inSpan(tracer.startSpan('work'), ROOT_CONTEXT, async () => {
      throw new Error('no database');
    });
    await expect(failing).rejects.toThrow('no database');
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no database' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });
});
