import { JwtService } from '@nestjs/jwt';

/** The development signing key of case-management (its AUTH_JWT_SECRET default). */
export const DEV_JWT_SECRET = 'local-development-only-case-management-key';

export interface TokenClaims {
  sub: string;
  roles: ('agent' | 'lead' | 'admin')[];
  teams?: string[];
}

const jwt = new JwtService({ secret: DEV_JWT_SECRET });

/** A bearer token of the ops API, signed like the development identity provider would. */
export function token(claims: TokenClaims, secret = DEV_JWT_SECRET, expiresInSeconds = 3600): string {
  return jwt.sign({ teams: [], ...claims }, { secret, expiresIn: expiresInSeconds });
}

/** JSON over HTTP with a bearer token. */
export async function call(
  url: string,
  method: string,
  path: string,
  bearer?: string,
  body?: unknown,
  // bodies of the API under test are checked by matchers, not by the compiler
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
