import { callJson, type JsonAnswer } from '../json-call';
import { declaredSchema, type OpenApiDocument, ResponseSchemas } from './response-schemas';

/** Routes of libs/runtime, the same on every service: the health probes and the access request (DSAR). */
const LIBRARY_ROUTES = new Set(['GET /health/live', 'GET /health/ready', 'GET /customers/{customerId}/export']);

export type RouteAnswer = JsonAnswer & { route: string };

export interface RouteRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Headers besides the bearer token, e.g. `idempotency-key`. */
  headers?: Record<string, string>;
}

/**
 * A running service's real answers checked against the schemas its /docs-json declares, route by route
 * ("METHOD /path/{param}" as the document names it); docs/openapi/ holds the same documents for clients.
 */
export class OpenApiAnswers {
  private readonly called = new Set<string>();

  private constructor(
    private readonly url: string,
    private readonly document: OpenApiDocument,
    private readonly schemas: ResponseSchemas,
  ) {}

  static async of(url: string): Promise<OpenApiAnswers> {
    const docs = await callJson(url, 'GET', '/docs-json');
    if (docs.status !== 200) throw new Error(`${url}/docs-json answered ${docs.status}`);
    return new OpenApiAnswers(url, docs.body, new ResponseSchemas(docs.body));
  }

  /** Calls `route` (with a bearer `token`, if any) and expects a 2xx answer that matches its declared schema. */
  async call(token: string | undefined, route: string, request: RouteRequest = {}): Promise<RouteAnswer> {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const target = path + (request.query ?? '');
    return this.check(route, await callJson(this.url, method, target, token, request.body, request.headers));
  }

  /** What `call` expects, of an answer got another way (a CSV upload): a 2xx that matches its declared schema. */
  check<A extends { status: number; body: unknown }>(route: string, received: A): A & { route: string } {
    const [method, template] = route.split(' ');
    const answer = { route, ...received };
    const schema = declaredSchema(this.document, method, template, answer.status);
    const problems =
      answer.status < 200 || answer.status > 299
        ? [`answered ${answer.status}: ${JSON.stringify(answer.body)}`]
        : !schema
          ? [`declares no JSON schema for ${answer.status}`]
          : this.schemas.validator(schema)(answer.body);
    expect({ route, problems }).toEqual({ route, problems: [] });
    this.called.add(route);
    return answer;
  }

  /** The routes (but libs/runtime's) with a JSON schema that no `call` has checked yet. */
  uncalled(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, method, operation }))
        .filter(({ route }) => !LIBRARY_ROUTES.has(route) && !this.called.has(route))
        .filter(({ method, operation }) =>
          Object.keys(operation.responses ?? {}).some((status) => declaredSchema(this.document, method, path, status)),
        )
        .map(({ route }) => route),
    );
  }
}
