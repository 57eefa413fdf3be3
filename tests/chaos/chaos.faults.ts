import type { ChaosService } from './chaos.stack';

export type Fault = { kind: 'kill'; service: ChaosService } | { kind: 'broker' } | { kind: 'postgres' };

/**
 * The faults of one run in the order they strike: every service killed `killsPerService` times,
 * services taking turns, with the broker restart a third of the way in and the PostgreSQL outage
 * two thirds of the way in.
 */
export function faultPlan(services: readonly ChaosService[], killsPerService: number): Fault[] {
  const kills: Fault[] = [];
  for (let round = 0; round < killsPerService; round++) {
    for (const service of services) kills.push({ kind: 'kill', service });
  }
  const third = Math.round(kills.length / 3);
  return [
    ...kills.slice(0, third),
    { kind: 'broker' },
    ...kills.slice(third, 2 * third),
    { kind: 'postgres' },
    ...kills.slice(2 * third),
  ];
}

/**
 * Ties the faults to the load: the answers go out in `faults + 1` equal segments, fault k strikes
 * in the middle of segment k, and segment k + 2 waits until fault k is over. So every fault hits
 * a platform under load, however long a fault takes (a 20 s outage, a slow restart).
 */
export class FaultSchedule {
  private readonly done: Promise<void>[] = [];
  private chain = Promise.resolve();
  private readonly segment: number;

  constructor(
    private readonly plan: Fault[],
    answers: number,
    private readonly strike: (fault: Fault) => Promise<void>,
  ) {
    this.segment = answers / (plan.length + 1);
  }

  /** Called before answer `index` is sent: starts the faults that are due, waits for those that must be over. */
  async gate(index: number): Promise<void> {
    while (this.done.length < this.plan.length && index >= (this.done.length + 0.5) * this.segment) {
      const fault = this.plan[this.done.length];
      this.chain = this.chain.then(() => this.strike(fault));
      this.done.push(this.chain);
    }
    const mustBeOver = Math.floor(index / this.segment) - 2;
    if (mustBeOver >= 0) await this.done[Math.min(mustBeOver, this.done.length - 1)];
  }

  /** Resolves when every fault has been struck and recovered from. */
  async finished(): Promise<void> {
    while (this.done.length < this.plan.length) await this.gate(Number.MAX_SAFE_INTEGER);
    await this.chain;
  }
}
