import { lookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { OutboundError } from './outbound.error';
import type { OutboundPolicy } from './outbound.policy';

/** Resolves a host name to every address it has (tests hand in their own to play DNS). */
export type HostResolver = (hostname: string, family: number) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname, family) =>
  new Promise((resolve, reject) =>
    lookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * The lookup net.connect uses: resolves, then refuses the connection if any address is refused.
 * The check runs on the addresses the socket is about to use, so a name that resolved to a public
 * address a moment ago and to 127.0.0.1 now (DNS rebinding) is caught.
 */
function guardedLookup(policy: OutboundPolicy, resolver: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : (options.family ?? 0)).then(
      (addresses) => {
        if (addresses.length === 0)
          return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
        const refusal = addresses.map(({ address }) => policy.addressRefusal(address, true)).find(Boolean);
        if (refusal) return callback(OutboundError.refused(refusal), '', 0);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** An undici connector that connects only where `policy` allows: IP literals checked here, names at lookup. */
export function guardedConnector(
  policy: OutboundPolicy,
  resolver: HostResolver,
  connectTimeoutMs: number,
): buildConnector.connector {
  const connect = buildConnector({ lookup: guardedLookup(policy, resolver), timeout: connectTimeoutMs });
  return (options, callback) => {
    // net.connect skips the lookup for an IP literal, so literals are checked before it.
    const refusal = isIP(options.hostname) ? policy.addressRefusal(options.hostname, false) : undefined;
    if (refusal) return callback(OutboundError.refused(refusal), null);
    connect(options, callback);
  };
}
