import { type BaseEnv, DevelopmentDefault } from '@nps/config';
import { IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { DEFAULT_KEY_CACHE_SIZE, DEFAULT_KEY_CACHE_TTL_MS } from './key-store/customer-keys';

/** Development-only master key (SHA-256 of a public phrase): fine on a laptop, refused by NPS_ENV=production. */
export const DEVELOPMENT_PRIVACY_MASTER_KEYS = 'dev-1:/f37JZlXozVQwRUt+YJd2piiOkyXBmZP1xuSvJiuTGs=';

const DEVELOPMENT_KEY = DEVELOPMENT_PRIVACY_MASTER_KEYS.slice(DEVELOPMENT_PRIVACY_MASTER_KEYS.indexOf(':') + 1);
const KEY_PAIR = String.raw`[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=`;

/** Whether any id:key pair holds the development key (also when rotated out of current use). */
function holdsDevelopmentKey(value: unknown): boolean {
  return typeof value === 'string' && value.split(',').some((pair) => pair.endsWith(`:${DEVELOPMENT_KEY}`));
}

function keyIdsOf(keys: unknown): string[] {
  return typeof keys === 'string' ? keys.split(',').map((pair) => pair.slice(0, pair.indexOf(':'))) : [];
}

// A mixin must take `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EnvClass = new (...args: any[]) => BaseEnv;

/** The settings of crypto-shredding (docs/adr/0037), as read from the environment. */
export interface PrivacySettings {
  PRIVACY_MASTER_KEYS: string;
  PRIVACY_MASTER_KEY_ID: string;
  PRIVACY_KEY_CACHE_TTL_MS: number;
  PRIVACY_KEY_CACHE_SIZE: number;
  PRIVACY_SCHEMA: string;
}

/** Whether a service's env class has the privacy settings (was built with WithPrivacySettings). */
export function hasPrivacySettings(env: object): env is PrivacySettings {
  return typeof (env as Partial<PrivacySettings>).PRIVACY_MASTER_KEYS === 'string';
}

/**
 * Adds the crypto-shredding variables to a service env class: `class XEnv extends WithPrivacySettings(BaseEnv)`.
 * A mixin, like WithOutboundSettings, because a service's env class already extends another.
 */
export function WithPrivacySettings<T extends EnvClass>(Base: T) {
  class PrivacyEnv extends Base implements PrivacySettings {
    /**
     * Comma-separated `id:key` master keys, each 32 random bytes in base64 (`openssl rand -base64 32`).
     * PRIVACY_MASTER_KEY_ID wraps new data keys; all of them unwrap, so a retired key stays until a rewrap.
     */
    @Matches(new RegExp(`^${KEY_PAIR}(,${KEY_PAIR})*$`), {
      message: 'must be comma-separated id:key pairs (id: letters, digits, "_", "-"; key: 32 bytes in base64)',
    })
    @DevelopmentDefault({ when: holdsDevelopmentKey, reason: 'holds the development master key' })
    PRIVACY_MASTER_KEYS = DEVELOPMENT_PRIVACY_MASTER_KEYS;

    /** The id of the master key in PRIVACY_MASTER_KEYS that wraps new data keys. */
    @ValidateBy({
      name: 'namesAConfiguredMasterKey',
      validator: {
        validate: (value, args) => keyIdsOf((args?.object as PrivacySettings).PRIVACY_MASTER_KEYS).includes(value),
        defaultMessage: () => 'must be the id of one of the keys in PRIVACY_MASTER_KEYS',
      },
    })
    PRIVACY_MASTER_KEY_ID = 'dev-1';

    /** How long an unwrapped data key is cached: an erasure reaches every instance within it. 0: no cache. */
    @IsInt()
    @Min(0)
    @Max(3600000)
    PRIVACY_KEY_CACHE_TTL_MS: number = DEFAULT_KEY_CACHE_TTL_MS;

    /** Unwrapped data keys cached per instance (least recently used go first). */
    @IsInt()
    @Min(0)
    @Max(1000000)
    PRIVACY_KEY_CACHE_SIZE: number = DEFAULT_KEY_CACHE_SIZE;

    /**
     * Postgres schema of the key store, shared by every service (docs/adr/0037): whichever starts first
     * creates it. Tests give each stack a fresh one.
     */
    @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case Postgres identifier' })
    PRIVACY_SCHEMA = 'privacy';
  }
  return PrivacyEnv;
}
