import { ServicesCpuMeter } from './cpu.meter';

export interface IdlePhase {
  seconds: number;
  /** Per service, e.g. `scoring CPU 5% of a core`, then Postgres' and the broker's, then `machine 35% busy`. */
  notes: string[];
}

/**
 * The loop with nothing to do: what its services (and the machine, with Kafka and Postgres) spend on
 * keeping still, the background every answer later shares the cores with.
 */
export async function idlePhase(pids: Record<string, number | undefined>, seconds: number): Promise<IdlePhase> {
  const cpu = new ServicesCpuMeter(pids);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return { seconds, notes: cpu.notes() };
}
