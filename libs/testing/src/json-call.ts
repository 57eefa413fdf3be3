/** What callJson got back: the status, the parsed JSON body (undefined when empty) and the content type. */
export interface JsonAnswer {
  status: number;
  // Bodies of the API under test are checked by matchers, not by the compiler.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  contentType: string;
}

/** JSON over HTTP, with a bearer token when one is given: `method` `url``path` with `body` and any other `headers`. */
export async function callJson(
  url: string,
  method: string,
  path: string,
  bearer?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    contentType: response.headers.get('content-type') ?? '',
  };
}
