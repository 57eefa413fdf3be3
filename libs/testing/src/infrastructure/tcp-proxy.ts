import { createConnection, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * A TCP proxy in front of a server, for faults a test cannot get from the server itself: `sever`
 * cuts one connection on the server's side only, so the server ends the session while the
 * client hears nothing (no FIN, no RST, no error event) — a silently dead socket.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private readonly severed = new Set<Socket>();
  private readonly server: Server;
  private listeningPort = 0;

  private constructor(
    private readonly targetPort: number,
    private readonly targetHost: string,
  ) {
    this.server = createServer((client) => this.forward(client));
  }

  /** Listens on a free port of 127.0.0.1 and forwards every connection to `targetHost:targetPort`. */
  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort, targetHost);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy.listeningPort = (proxy.server.address() as { port: number }).port;
    return proxy;
  }

  get port(): number {
    return this.listeningPort;
  }

  /**
   * Closes the server side of the connection whose upstream socket has local port `upstreamPort`
   * (what the server sees as the client's port) and leaves the client side open and silent.
   */
  sever(upstreamPort: number): boolean {
    const pair = [...this.pairs].find(({ upstream }) => upstream.localPort === upstreamPort);
    if (!pair) return false;
    this.pairs.delete(pair);
    for (const socket of [pair.client, pair.upstream]) {
      socket.unpipe();
      socket
        .removeAllListeners('close')
        .removeAllListeners('error')
        .on('error', () => undefined);
    }
    pair.client.pause();
    this.severed.add(pair.client);
    pair.upstream.destroy();
    return true;
  }

  /** Closes the proxy and every connection through it. */
  async close(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.severed.forEach((client) => client.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
  }
}
