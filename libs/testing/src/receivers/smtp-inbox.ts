import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expectEventually } from '../expect-eventually';

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it is handed, parsed: what a service
 * sends over SMTP arrives here the way it would arrive at a mail provider.
 */
export class SmtpInbox {
  readonly messages: ParsedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom: (_address, _session, callback) => {
      if (this.refusals <= 0) return callback();
      this.refusals--;
      callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
    },
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  private port = 0;
  private refusals = 0;

  /** Listens on `port` (a free one by default): a server that was down comes back on the address it had. */
  static async start(port = 0): Promise<SmtpInbox> {
    const inbox = new SmtpInbox();
    await new Promise<void>((resolve, reject) => {
      inbox.server.once('error', reject);
      inbox.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = inbox.server.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the SMTP inbox has no port');
    inbox.port = address.port;
    return inbox;
  }

  /** smtp://127.0.0.1:<port>, for a service's SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `times` messages are refused with a temporary 421, like a provider under load. */
  refuseNext(times: number): void {
    this.refusals = times;
  }

  /** Messages addressed to `address`. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => addressesOf(mail).includes(address.toLowerCase()));
  }

  /** Waits until a message to `address` arrived and returns the first one. */
  async waitFor(address: string, timeoutMs = 30000): Promise<ParsedMail> {
    return expectEventually(
      () => {
        const [mail] = this.to(address);
        if (!mail) throw new Error(`no mail to ${address} yet (${this.messages.length} other messages)`);
        return mail;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const fields = [mail.to].flat().filter((field) => field !== undefined);
  return fields.flatMap((field) => field.value.map((entry) => (entry.address ?? '').toLowerCase()));
}
