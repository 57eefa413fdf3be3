import { isIP } from 'node:net';
import { ADDRESS_CLASS_NAMES, classifyAddress, PRIVATE_NETWORK_CLASSES } from './address.classifier';
import { OutboundError } from './outbound.error';

/** The outbound settings of a service env class (see WithOutboundSettings). */
export interface OutboundSettings {
  OUTBOUND_ALLOWED_SCHEMES: string;
  OUTBOUND_ALLOWED_HOSTS: string;
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: boolean;
}

export interface OutboundPolicyOptions {
  /** e.g. `['https']`. */
  allowedSchemes: readonly string[];
  /** Host names (`hooks.example.com`), subdomain wildcards (`*.example.com`) or IP literals; empty: any host. */
  allowedHosts: readonly string[];
  /** Whether loopback, RFC 1918, unique-local and CGNAT addresses may be called (development, tests). */
  allowPrivateNetworks: boolean;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

/** Which URLs and addresses an untrusted outbound call may reach (docs/security.md, Outbound calls). */
export class OutboundPolicy {
  constructor(private readonly options: OutboundPolicyOptions) {}

  static fromEnv(env: OutboundSettings): OutboundPolicy {
    return new OutboundPolicy({
      allowedSchemes: list(env.OUTBOUND_ALLOWED_SCHEMES),
      allowedHosts: list(env.OUTBOUND_ALLOWED_HOSTS),
      allowPrivateNetworks: env.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
    });
  }

  /** `url` parsed, when its scheme and host may be called; throws a `refused` OutboundError otherwise. */
  checkUrl(url: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw OutboundError.refused('not a valid URL');
    }
    const scheme = parsed.protocol.slice(0, -1);
    if (!this.options.allowedSchemes.includes(scheme))
      throw OutboundError.refused(`the scheme "${scheme}" is not allowed (OUTBOUND_ALLOWED_SCHEMES)`);
    if (!this.hostAllowed(parsed.hostname)) throw OutboundError.refused('the host is not in OUTBOUND_ALLOWED_HOSTS');
    return parsed;
  }

  /** Why a connection to `address` (an IP literal, or what a host name resolved to) is refused; undefined if none. */
  addressRefusal(address: string, resolved: boolean): string | undefined {
    const kind = classifyAddress(address);
    if (kind === 'public') return undefined;
    if (this.options.allowPrivateNetworks && PRIVATE_NETWORK_CLASSES.has(kind)) return undefined;
    const hint = PRIVATE_NETWORK_CLASSES.has(kind) ? ' (OUTBOUND_ALLOW_PRIVATE_NETWORKS is off)' : '';
    return `the host ${resolved ? 'resolves to' : 'is'} ${ADDRESS_CLASS_NAMES[kind]}${hint}`;
  }

  private hostAllowed(hostname: string): boolean {
    const { allowedHosts } = this.options;
    if (allowedHosts.length === 0) return true;
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return allowedHosts.some((entry) =>
      entry.startsWith('*.') && !isIP(host) ? host.endsWith(entry.slice(1)) : host === entry,
    );
  }
}
