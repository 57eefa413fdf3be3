import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expectEventually } from '../expect-eventually';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A scripted answer: a status, or a status with a body and headers (e.g. a redirect's `location`). */
export type ScriptedAnswer = number | { status: number; body?: string; headers?: Record<string, string> };

/**
 * A real HTTP endpoint on 127.0.0.1 that records every request: the far side of a webhook or
 * an SMS gateway. `respondWith` scripts its answers, e.g. two 503s before a 200.
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** TCP connections accepted, requests or not: 0 proves nothing reached this port. */
  connections = 0;
  private answers: ScriptedAnswer[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const next = this.answers.shift() ?? 200;
      const answer = typeof next === 'number' ? { status: next } : next;
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  }).on('connection', () => this.connections++);
  private port = 0;

  static async start(): Promise<HttpReceiver> {
    const receiver = new HttpReceiver();
    await new Promise<void>((resolve, reject) => {
      receiver.server.once('error', reject);
      receiver.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = receiver.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the HTTP receiver has no port');
    receiver.port = address.port;
    return receiver;
  }

  /** The URL of `path` on this receiver; `host` names it another way (`localhost`, `[::ffff:127.0.0.1]`). */
  url(path = '/', host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** The answers to the next requests, in order; 200 after they run out. */
  respondWith(...answers: ScriptedAnswer[]): void {
    this.answers = answers;
  }

  async waitFor(predicate: (request: ReceivedRequest) => boolean, timeoutMs = 30000): Promise<ReceivedRequest> {
    return expectEventually(
      () => {
        const found = this.requests.find(predicate);
        if (!found) throw new Error(`no matching request yet (${this.requests.length} others)`);
        return found;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
