import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expectEventually } from '../expect-eventually';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP endpoint on 127.0.0.1 that records every request: the far side of a webhook or
 * an SMS gateway. `respondWith` scripts its answers, e.g. two 503s before a 200.
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private statuses: number[] = [];
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
      response.statusCode = this.statuses.shift() ?? 200;
      response.end();
    });
  });
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

  /** The URL of `path` on this receiver. */
  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The statuses of the next requests, in order; 200 after they run out. */
  respondWith(...statuses: number[]): void {
    this.statuses = statuses;
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
