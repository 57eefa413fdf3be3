import { useMemo } from 'react';
import { useAuth } from 'react-oidc-context';
import { ApiError, type Problem } from './api.error';

/** The services the console reads, reached through its own server at /api/<service>/… */
export type ApiService = 'case-management' | 'scoring';

export type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

export interface ApiClient {
  get<T>(service: ApiService, path: string, query?: Query): Promise<T>;
  send<T>(service: ApiService, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The raw text of a GET, e.g. a CSV. */
  text(service: ApiService, path: string, query?: Query): Promise<string>;
}

export function apiUrl(service: ApiService, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/${service}${path.startsWith('/') ? path : `/${path}`}${search ? `?${search}` : ''}`;
}

async function call(accessToken: string | undefined, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(0, { title: 'The console cannot reach its server. Check your connection and try again.' });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** The APIs with the signed-in person's access token. */
export function useApi(): ApiClient {
  const token = useAuth().user?.access_token;
  return useMemo<ApiClient>(
    () => ({
      async get<T>(service: ApiService, path: string, query?: Query) {
        const response = await call(token, apiUrl(service, path, query), { headers: { accept: 'application/json' } });
        return (await response.json()) as T;
      },
      async send<T>(service: ApiService, method: string, path: string, body?: unknown) {
        const response = await call(token, apiUrl(service, path), {
          method,
          headers: {
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return (text ? JSON.parse(text) : undefined) as T;
      },
      async text(service: ApiService, path: string, query?: Query) {
        return (await call(token, apiUrl(service, path, query))).text();
      },
    }),
    [token],
  );
}
