import { Injectable, Logger } from '@nestjs/common';
import { type Dependency, unavailableDependency } from './infrastructure-failure';

export interface Outage {
  dependency: Dependency;
  since: string;
  error: string;
}

/**
 * Which background workers of this process (consumer, outbox relay, schedulers) are waiting for
 * Postgres or the broker. A worker logs one line when it starts waiting and one when it resumes,
 * not one per retry, and readiness reports the process degraded meanwhile.
 */
@Injectable()
export class InfrastructureOutages {
  private readonly logger = new Logger('InfrastructureOutages');
  private readonly waiting = new Map<string, Outage>();

  /** Records that `worker` waits because of `error`; false when `error` is no outage. */
  begin(worker: string, error: unknown): boolean {
    const dependency = unavailableDependency(error);
    if (!dependency) return false;
    if (!this.waiting.has(worker)) {
      const message = (error as Error).message;
      this.waiting.set(worker, { dependency, since: new Date().toISOString(), error: message });
      const msg = `${worker} waits for ${dependency}: it is unavailable`;
      this.logger.warn({ msg, worker, dependency, error: message });
    }
    return true;
  }

  /** Records that `worker` works again (a no-op when it was not waiting). */
  end(worker: string): void {
    const outage = this.waiting.get(worker);
    if (!outage) return;
    this.waiting.delete(worker);
    const waitedMs = Date.now() - Date.parse(outage.since);
    const { dependency } = outage;
    this.logger.log({ msg: `${worker} resumed: ${dependency} is back`, worker, dependency, waitedMs });
  }

  /** Runs one round of a periodic job; an outage ends the round quietly (the next round retries). */
  async guard<T>(worker: string, round: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await round();
      this.end(worker);
      return result;
    } catch (error) {
      if (this.begin(worker, error)) return undefined;
      throw error;
    }
  }

  /**
   * Runs a start-up step (topic creation, connecting) until it gets through: an outage is waited
   * out in steps of at most a second, so the service starts within a second of the dependency
   * returning, instead of crashing into a supervisor's growing restart delay.
   */
  async waitFor<T>(worker: string, step: () => Promise<T>): Promise<T> {
    for (let delayMs = 0; ; delayMs = outageBackoff(delayMs, 250, 1000)) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const result = await this.guard(worker, step);
      if (result !== undefined || !this.waiting.has(worker)) return result as T;
    }
  }

  /** The workers waiting now, by name. */
  snapshot(): Record<string, Outage> {
    return Object.fromEntries(this.waiting);
  }
}

/** Capped exponential backoff for waiting out an outage: first `initialMs`, at most `maxMs`. */
export function outageBackoff(previousMs: number, initialMs: number, maxMs = 5000): number {
  return previousMs === 0 ? Math.min(maxMs, Math.max(initialMs, 50)) : Math.min(maxMs, previousMs * 2);
}
