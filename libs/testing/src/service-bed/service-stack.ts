import { sharedLocalIssuer, type IssuerSource } from '../auth/shared-issuer';
import { freshTopicPrefix } from '../test-namespace';
import { privacySchemaOf, type ServiceBed } from './service.bed';
import { serviceBed } from './service-bed.hooks';
import type { ServiceName } from './service.catalog';

export interface ServiceStackOptions {
  /** Readiness wait per service; several services starting at once on two cores take a while. */
  readyTimeoutMs?: number;
  /** One issuer for all services, so one token works everywhere; a fresh shared one by default. */
  issuer?: IssuerSource;
}

/**
 * Per-service environment, given the URLs of the services started so far: response-ingestion's is
 * there for every other service.
 */
export type StackEnv<S extends ServiceName> = (urls: Record<S, string>) => Partial<Record<S, Record<string, string>>>;

export interface ServiceStack<S extends ServiceName> {
  readonly beds: Record<S, ServiceBed>;
  /** The base URL of each service once `start` returned. */
  readonly urls: Record<S, string>;
  readonly topicPrefix: string;
  /** The one key store schema of all services of the stack: they must read each other's ciphertexts. */
  readonly privacySchema: string;
  /**
   * Starts response-ingestion first when it is part of the stack (survey links and recovery
   * surveys point at its URL), then the others side by side, each with its part of `envOf`.
   */
  start(envOf?: StackEnv<S>): Promise<void>;
}

/**
 * Several services on one topic namespace and one issuer, for an end-to-end test of the loop
 * across them. The hooks of `serviceBed` prepare and close them; the test calls `start`.
 */
export function serviceStack<S extends ServiceName>(
  services: readonly S[],
  options: ServiceStackOptions = {},
): ServiceStack<S> {
  const topicPrefix = freshTopicPrefix();
  const privacySchema = privacySchemaOf(topicPrefix);
  const issuer = options.issuer ?? sharedLocalIssuer();
  const readyTimeoutMs = options.readyTimeoutMs ?? 150000;
  const beds = Object.fromEntries(
    services.map((name) => [
      name,
      serviceBed({ service: name, topicPrefix, privacySchema, autoStart: false, readyTimeoutMs, issuer }),
    ]),
  ) as Record<S, ServiceBed>;
  const urls = {} as Record<S, string>;
  const first = services.filter((name) => name === 'response-ingestion');
  const rest = services.filter((name) => name !== 'response-ingestion');
  const startAll = async (names: S[], envOf: StackEnv<S>) => {
    const env = envOf(urls);
    await Promise.all(names.map(async (name) => (urls[name] = (await beds[name].start(env[name] ?? {})).url)));
  };
  return {
    beds,
    urls,
    topicPrefix,
    privacySchema,
    async start(envOf = () => ({})) {
      await startAll(first, envOf);
      await startAll(rest, envOf);
    },
  };
}
