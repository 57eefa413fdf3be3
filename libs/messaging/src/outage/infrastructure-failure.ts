import { isDatabaseUnavailable } from '@nps/persistence';
import { PrivacyError, PrivacyErrorCode } from '@nps/privacy';
import { isBrokerUnavailable } from './broker-unavailable';

/** Which dependency an infrastructure failure is about, for logs and readiness. */
export type Dependency = 'postgres' | 'kafka' | 'master-key';

/**
 * The dependency that is down when `error` is an outage (Postgres or the broker unreachable, or a
 * master key not configured),
 * undefined when it is a failure of the work itself. See docs/adr/0014-infrastructure-faults.md.
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  // First: kafkajs copies the socket's code (ECONNREFUSED...) onto its errors, which would read as Postgres's.
  if (isBrokerUnavailable(error)) return 'kafka';
  if (isDatabaseUnavailable(error)) return 'postgres';
  // A data key wrapped by a master key this instance lacks is a deployment fault, not a bad record:
  // wait for the configuration to be fixed rather than dead-letter (docs/adr/0037). Other PrivacyErrors dead-letter.
  if (error instanceof PrivacyError && error.code === PrivacyErrorCode.MasterKeyUnknown) return 'master-key';
  return undefined;
}
