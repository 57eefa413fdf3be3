import { createHash, randomBytes } from 'node:crypto';

/** What signing in through the local issuer's login page gave, or how it refused. */
export interface CodeFlowResult {
  /** The login page's status after posting the id: 303 on to the client, 401 for an unknown id. */
  loginStatus: number;
  /** The page's body when the login was refused. */
  loginPage?: string;
  tokens?: { access_token: string; id_token: string; refresh_token?: string; expires_in: number };
  /** `access-control-allow-origin` of the token answer (the console's origin calls it from the page). */
  tokenCorsOrigin?: string | null;
}

export interface CodeFlowOptions {
  clientId?: string;
  /** The client's redirect URI; its origin is sent as the token request's Origin. */
  redirectUri: string;
  resource?: string;
}

/**
 * Authorization Code + PKCE against the local issuer (deploy/local/oidc.js) the way a browser goes
 * through it, with plain fetch: /auth → the login form → post the person's id → back to /auth →
 * the redirect with the code → /token with the verifier.
 */
export async function signInByCodeFlow(
  issuer: string,
  person: string,
  options: CodeFlowOptions,
): Promise<CodeFlowResult> {
  const verifier = randomBytes(32).toString('base64url');
  const cookies = new Map<string, string>();
  const go = async (url: string | URL, init: RequestInit = {}) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  };
  const authorize = new URL('/auth', issuer);
  const params = {
    client_id: options.clientId ?? 'ops-console',
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: 'openid profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    resource: options.resource ?? 'urn:nps:api',
    state: randomBytes(8).toString('hex'),
  };
  for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
  const toLogin = await go(authorize);
  const form = await (await go(toLogin.headers.get('location') ?? '')).text();
  const action = /<form[^>]*action="([^"]+)"/.exec(form)?.[1];
  if (!action) throw new Error(`no login form at the issuer:\n${form.slice(0, 500)}`);
  const posted = await go(action, { method: 'POST', body: new URLSearchParams({ login: person }) });
  if (posted.status !== 303) return { loginStatus: posted.status, loginPage: await posted.text() };
  const back = await go(posted.headers.get('location') ?? '');
  const callback = new URL(back.headers.get('location') ?? '', issuer);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`the issuer sent no code: ${callback.href}`);
  const token = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { origin: new URL(options.redirectUri).origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      client_id: params.client_id,
      code_verifier: verifier,
      resource: params.resource,
    }),
  });
  const tokens = (await token.json()) as CodeFlowResult['tokens'] & { error?: string };
  if (!token.ok) throw new Error(`the issuer refused the code: ${JSON.stringify(tokens)}`);
  return { loginStatus: posted.status, tokens, tokenCorsOrigin: token.headers.get('access-control-allow-origin') };
}
