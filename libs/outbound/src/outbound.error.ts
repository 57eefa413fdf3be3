/** Why an outbound call did not get an answer: `refused` and `redirect` will not heal by retrying. */
export type OutboundFailure = 'refused' | 'redirect' | 'unreachable' | 'timeout';

/**
 * A failed outbound call. The message is safe to store and show to API readers: it names the
 * rule, status or error code, never the remote body or the address a host name resolved to.
 */
export class OutboundError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OutboundError';
  }

  static refused(why: string): OutboundError {
    return new OutboundError('refused', `refused: ${why}`);
  }

  static redirect(status: number): OutboundError {
    return new OutboundError('redirect', `HTTP ${status}: redirects are not followed`, status);
  }
}
