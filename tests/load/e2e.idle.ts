import { CpuMeter } from './cpu.meter';

export interface IdlePhase {
  seconds: number;
  /** Per service, e.g. `scoring CPU 5% of a core`, then `machine 35% busy`. */
  notes: string[];
}

/**
 * The loop with nothing to do: what its services (and the machine, with Kafka and Postgres) spend on
 * keeping still, the background every answer later shares the cores with.
 */
export async function idlePhase(pids: Record<string, number | undefined>, seconds: number): Promise<IdlePhase> {
  const meters = Object.entries(pids).map(([name, pid]) => ({ name, meter: new CpuMeter(pid) }));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpu = meters.map(({ name, meter }) => ({ name, notes: meter.notes() }));
  return {
    seconds,
    notes: [
      ...cpu.map(({ name, notes }) => notes[0]?.replace(/^service/, name)).filter((note) => note !== undefined),
      ...(cpu[0]?.notes.slice(1) ?? []),
    ],
  };
}
