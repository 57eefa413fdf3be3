import { type BaseEnv, DevelopmentDefault, EnvBoolean } from '@nps/config';
import { Matches } from 'class-validator';
import type { OutboundSettings } from './outbound.policy';

const HOST = String.raw`(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\]`;
const HOST_LIST = new RegExp(`^((${HOST})(,(${HOST}))*)?$`, 'i');

// A mixin must take `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EnvClass = new (...args: any[]) => BaseEnv;

/**
 * Adds the outbound-call variables to a service env class: `class XEnv extends WithOutboundSettings(BaseEnv)`.
 * A mixin, because a service's env class already extends another (SurveyLinkEnv).
 */
export function WithOutboundSettings<T extends EnvClass>(Base: T) {
  class OutboundEnv extends Base implements OutboundSettings {
    /** Schemes webhooks and gateways may use, comma-separated; set `https` in production. */
    @Matches(/^https?(,https?)*$/, { message: 'must be https, http or both, comma-separated' })
    OUTBOUND_ALLOWED_SCHEMES = 'https,http';

    /** Hosts they may call (`hooks.example.com`, `*.example.com`, IP literals), comma-separated; empty: any. */
    @Matches(HOST_LIST, { message: 'must be comma-separated host names, *.domain wildcards or IP literals' })
    OUTBOUND_ALLOWED_HOSTS = '';

    /** Whether loopback, RFC 1918, unique-local and CGNAT addresses may be called: local development and tests. */
    @EnvBoolean()
    @DevelopmentDefault({
      when: (value) => value === true,
      reason: 'lets webhooks and gateways reach loopback and private networks',
      secret: false,
    })
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: boolean = false;
  }
  return OutboundEnv;
}

/** Whether a service's env carries the outbound settings. */
export function hasOutboundSettings(env: object): env is OutboundSettings {
  return 'OUTBOUND_ALLOW_PRIVATE_NETWORKS' in env;
}
