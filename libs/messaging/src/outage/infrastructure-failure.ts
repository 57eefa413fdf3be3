import { isDatabaseUnavailable } from '@nps/persistence';
import { isBrokerUnavailable } from './broker-unavailable';

/** Which dependency an infrastructure failure is about, for logs and readiness. */
export type Dependency = 'postgres' | 'kafka';

/**
 * The dependency that is down when `error` is an outage (Postgres or the broker unreachable),
 * undefined when it is a failure of the work itself. See docs/adr/0014-infrastructure-faults.md.
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  if (isDatabaseUnavailable(error)) return 'postgres';
  if (isBrokerUnavailable(error)) return 'kafka';
  return undefined;
}
