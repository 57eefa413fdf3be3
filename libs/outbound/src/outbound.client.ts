import { Agent } from 'undici';
import { guardedConnector, type HostResolver, systemResolver } from './guarded.connector';
import { OutboundError } from './outbound.error';
import type { OutboundPolicy } from './outbound.policy';

export interface OutboundRequest {
  headers: Record<string, string>;
  body: string;
  /** For the whole call: connecting, sending and the answer's headers. */
  timeoutMs: number;
}

/** The answer of an outbound call: its status only, the body is discarded unread. */
export interface OutboundAnswer {
  status: number;
}

export interface OutboundClientOptions {
  /** Default: the system resolver (getaddrinfo). */
  resolver?: HostResolver;
  connectTimeoutMs?: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Calls URLs that customers, teams or configuration supply (webhooks, gateways) without letting
 * them reach inside: scheme and host allow-lists, every address checked when the socket connects,
 * no redirects followed, the remote body never read (docs/adr/0019-outbound-calls.md).
 */
export class OutboundClient {
  private readonly agent: Agent;

  constructor(
    private readonly policy: OutboundPolicy,
    options: OutboundClientOptions = {},
  ) {
    const connect = guardedConnector(policy, options.resolver ?? systemResolver, options.connectTimeoutMs ?? 10000);
    this.agent = new Agent({ connect });
  }

  /** POSTs `request.body` to `url`; resolves with any non-3xx status, rejects with an OutboundError otherwise. */
  async post(url: string, request: OutboundRequest): Promise<OutboundAnswer> {
    const target = this.policy.checkUrl(url);
    let statusCode: number;
    try {
      const response = await this.agent.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(request.timeoutMs),
        headersTimeout: request.timeoutMs,
      });
      statusCode = response.statusCode;
      // What the far side says is neither kept nor shown: it could be anything of theirs.
      await response.body.dump().catch(() => undefined);
    } catch (error) {
      throw failureOf(error);
    }
    if (statusCode >= 300 && statusCode < 400) throw OutboundError.redirect(statusCode);
    return { status: statusCode };
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

function failureOf(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  const { name, code, cause } = error as Error & { code?: string; cause?: unknown };
  if (cause instanceof OutboundError) return cause;
  if (name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) return new OutboundError('timeout', 'timed out');
  return new OutboundError('unreachable', `unreachable (${code ?? name})`);
}
