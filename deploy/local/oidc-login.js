// People signing in to the local issuer (deploy/local/oidc.js): the ops console's client and a
// minimal login page. Our own page rather than oidc-provider's devInteractions: that one signs in
// any name typed (an unknown id would loop back to the login prompt), asks for a password it then
// ignores and shows a consent screen; ours refuses an unknown id with a message, is labelled for
// screen readers and has no consent step (docs/adr/0042-ops-console.md). Local development only.

/** The console's public client: Authorization Code + PKCE, refresh tokens, no secret. */
function consoleClient(consoleUrls) {
  return {
    client_id: 'ops-console',
    client_name: 'NPS ops console',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: consoleUrls.map((url) => `${url}/callback`),
    post_logout_redirect_uris: consoleUrls.map((url) => `${url}/`),
    scope: 'openid profile offline_access',
  };
}

/**
 * `loadExistingGrant` that grants the console openid, profile and the platform API at sign-in: it is
 * first-party, so the person is never asked. Other clients keep oidc-provider's behaviour.
 */
function preGrantedConsole(audience) {
  return async (ctx) => {
    const { client, session, result, provider } = ctx.oidc;
    const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return provider.Grant.find(grantId);
    if (client.clientId !== 'ops-console' || !session.accountId) return undefined;
    const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope('openid profile offline_access');
    grant.addResourceScope(audience, '');
    await grant.save();
    return grant;
  };
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function loginPage({ uid, people, error, login }) {
  const options = people.map((p) => `<li><code>${escapeHtml(p.id)}</code> — ${escapeHtml(p.name ?? p.id)}</li>`);
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — local NPS issuer</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input { font-size: 1rem; padding: .5rem; width: 100%; box-sizing: border-box; }
input, button { border: 1px solid #555; border-radius: 4px; }
button { margin-top: 1rem; font-size: 1rem; padding: .5rem 1.25rem; background: #1c4fa8; color: #fff; }
.error { color: #a4000f; margin-top: .5rem; }
.note { color: #444; font-size: .9rem; }
</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p class="note">Local development issuer: sign in as one of the seeded people, no password.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label for="login">Person id</label>
<input id="login" name="login" type="text" required autofocus value="${escapeHtml(login ?? '')}"${invalid}>
${error ? `<p id="login-error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>
<h2>Seeded people</h2>
<ul>${options.join('')}</ul>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a></p>
</main>
</body>
</html>`;
}

async function formBody(req) {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 4096) throw new Error('form too large');
  }
  return new URLSearchParams(raw);
}

/** Koa middleware serving `/interaction/:uid` (the login form), its `/login` post and `/abort`. */
function loginInteractions(provider, people) {
  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    ctx.set('cache-control', 'no-store');
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name !== 'login') {
      // Only the console signs people in, and it never needs consent (preGrantedConsole).
      ctx.status = 501;
      ctx.body = `the local issuer has no ${details.prompt.name} page`;
      return undefined;
    }
    const render = (status, locals = {}) => {
      ctx.status = status;
      ctx.type = 'html';
      ctx.body = loginPage({ uid, people: [...people.values()], ...locals });
    };
    if (action === '/abort' && ctx.method === 'GET') {
      const result = { error: 'access_denied', error_description: 'the person cancelled signing in' };
      return provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    }
    if (action === '/login' && ctx.method === 'POST') {
      const login = ((await formBody(ctx.req)).get('login') ?? '').trim();
      if (!people.has(login)) return render(401, { login, error: `"${login}" is no seeded person here.` });
      const result = { login: { accountId: login } };
      return provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    }
    if (!action && ctx.method === 'GET') return render(200);
    ctx.status = 405;
    return undefined;
  };
}

module.exports = { consoleClient, loginInteractions, preGrantedConsole };
