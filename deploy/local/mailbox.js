// Development mailbox for `npm start`: MailDev (SMTP on MAILBOX_SMTP_PORT, default 1025; messages kept in
// MAILBOX_DIR) with its web UI and REST API (/api/email) on MAILBOX_WEB_PORT (default 1080), all on
// 127.0.0.1. Not for production: it accepts anything from anyone on the loopback interface.
//
// MailDev shows a mail in an iframe sandboxed without popups, where a link opens in the pane itself;
// the survey page refuses to be framed (frame-ancestors 'none'), so clicking 2 would show an error.
// This file puts a small proxy in front of MailDev's web port that makes the links of a mail open in a
// new tab: `<base target="_blank">` in each mail's HTML, and popups allowed (escaping the sandbox) in
// the UI's iframe. tests/e2e/readme-loop.e2e-spec.ts clicks 2 through it. See docs/adr/0028.
const { spawn } = require('node:child_process');
const { createServer, request } = require('node:http');
const net = require('node:net');
const { join, resolve } = require('node:path');

const smtpPort = Number(process.env.MAILBOX_SMTP_PORT ?? 1025);
const webPort = Number(process.env.MAILBOX_WEB_PORT ?? 1080);
const dir = resolve(process.env.MAILBOX_DIR ?? join(__dirname, '../../.run/mail'));
const SANDBOX = 'sandbox:"allow-same-origin"';
const SANDBOX_WITH_POPUPS = 'sandbox:"allow-same-origin allow-popups allow-popups-to-escape-sandbox"';

function freePort() {
  return new Promise((done, fail) => {
    const server = net.createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** The body as MailDev sent it, changed by `rewrite` when it is the UI's script or a mail's HTML (or its JSON). */
function rewriterFor(path) {
  if (/^\/assets\/index-[\w-]+\.js$/.test(path)) return (body) => body.replace(SANDBOX, SANDBOX_WITH_POPUPS);
  if (/^\/api\/email\/[^/]+\/html$/.test(path)) return (body) => `${BASE}${body}`;
  // The UI shows the mail's `html` from these JSON answers until its /html request returns: same change.
  if (/^\/api\/email(\/[^/]+)?$/.test(path)) return withBaseInJson;
  return undefined;
}

const BASE = '<base target="_blank">';

/** `<base target="_blank">` in front of the `html` of every mail in a JSON answer (one mail or a list). */
function withBaseInJson(body) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  for (const mail of Array.isArray(parsed) ? parsed : [parsed]) {
    if (mail && typeof mail.html === 'string' && !mail.html.startsWith(BASE)) mail.html = `${BASE}${mail.html}`;
  }
  return JSON.stringify(parsed);
}

function proxy(upstreamPort) {
  const server = createServer((req, res) => {
    const rewrite = rewriterFor(new URL(req.url, 'http://mailbox').pathname);
    const headers = { ...req.headers };
    if (rewrite) delete headers['accept-encoding']; // a plain body to rewrite
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers });
    upstream.on('response', (answer) => {
      if (!rewrite || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8')), 'utf8');
        const { etag, 'content-length': length, ...rest } = answer.headers;
        void [etag, length];
        res.writeHead(200, { ...rest, 'content-length': body.length, 'cache-control': 'no-store' });
        res.end(body);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // Live updates (socket.io over WebSocket): passed through untouched.
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return server;
}

async function main() {
  const upstreamPort = await freePort();
  const maildev = spawn(
    process.execPath,
    [
      join(__dirname, '../../node_modules/maildev/dist/bin/maildev.js'),
      ...['--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web-ip', '127.0.0.1', '--web', String(upstreamPort)],
      ...['--mail-directory', dir],
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const server = proxy(upstreamPort);
  server.listen(webPort, '127.0.0.1', async () => {
    for (let attempt = 0; attempt < 120; attempt++) {
      const ready = await fetch(`http://127.0.0.1:${upstreamPort}/api/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((wait) => setTimeout(wait, 500));
    }
    process.stdout.write(`mailbox: http://127.0.0.1:${webPort} (web UI, REST API at /api/email)\n`);
  });
  const stop = () => maildev.kill('SIGTERM');
  maildev.on('exit', (code) => {
    server.close();
    server.closeAllConnections();
    process.exitCode = code ?? 0;
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
}

void main();
