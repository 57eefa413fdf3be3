import { type Context, context, type Link, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Links to the traces of `contexts` that carry a span: one span doing the work of several requests
 * or records points back at each (OpenTelemetry's conventions for batch processing).
 */
export function linksTo(contexts: Iterable<Context>): Link[] {
  const links: Link[] = [];
  for (const linked of contexts) {
    const spanContext = trace.getSpanContext(linked);
    if (spanContext) links.push({ context: spanContext });
  }
  return links;
}

/** Runs `work` with `span` active under `parent`; a throw marks the span failed. The span ends either way. */
export async function inSpan<T>(span: Span, parent: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
