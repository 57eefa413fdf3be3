// Development mailbox for `npm start`: an SMTP server on 127.0.0.1 (MAILBOX_PORT, default 1025)
// that stores every message as an .eml file under MAILBOX_DIR (default .run/mail) and prints
// one line per message, so survey emails and case notifications can be read and clicked
// locally. Not for production: it accepts anything from anyone on the loopback interface.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { SMTPServer } = require('smtp-server');

const port = Number(process.env.MAILBOX_PORT ?? 1025);
const dir = resolve(process.env.MAILBOX_DIR ?? join(__dirname, '../../.run/mail'));
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      const subject = /^Subject: (.*)$/im.exec(raw.toString('utf8'))?.[1] ?? '';
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
      writeFileSync(file, raw);
      process.stdout.write(`mail to ${to}: ${subject} (${file})\n`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () =>
  process.stdout.write(`mailbox listening on smtp://127.0.0.1:${port}, storing in ${dir}\n`),
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
