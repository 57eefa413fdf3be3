import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Where the CPU went during a phase, from /proc (Linux); elsewhere it measures nothing. */
export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly processStart: number | undefined;
  private readonly machineStart: MachineTicks | undefined;

  constructor(private readonly pid: number | undefined) {
    this.processStart = processTicks(pid);
    this.machineStart = machineTicks();
  }

  /** CPU seconds the process has used since the meter started; undefined when /proc cannot tell. */
  processSeconds(): number | undefined {
    const end = processTicks(this.pid);
    return this.processStart === undefined || end === undefined ? undefined : (end - this.processStart) / CLOCK_TICKS;
  }

  /** E.g. `service CPU 93% of a core, machine 97% busy`; empty when /proc cannot tell. */
  notes(): string[] {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const notes: string[] = [];
    const used = this.processSeconds();
    if (used !== undefined && seconds > 0) notes.push(`service CPU ${Math.round((100 * used) / seconds)}% of a core`);
    const machineEnd = machineTicks();
    if (this.machineStart && machineEnd && machineEnd.total > this.machineStart.total) {
      const busy = machineEnd.busy - this.machineStart.busy;
      notes.push(`machine ${Math.round((100 * busy) / (machineEnd.total - this.machineStart.total))}% busy`);
    }
    return notes;
  }
}

/** One CpuMeter per named process: `<name> CPU …% of a core` for each, then `machine …% busy` once. */
export class ServicesCpuMeter {
  private readonly meters: { name: string; meter: CpuMeter }[];

  constructor(pids: Record<string, number | undefined>) {
    this.meters = Object.entries(pids).map(([name, pid]) => ({ name, meter: new CpuMeter(pid) }));
  }

  notes(): string[] {
    const cpu = this.meters.map(({ name, meter }) => ({ name, notes: meter.notes() }));
    return [
      ...cpu
        .map(({ name, notes }) => notes[0]?.replace(/^service/, name))
        .filter((note): note is string => Boolean(note)),
      ...(cpu[0]?.notes.slice(1) ?? []),
    ];
  }
}

interface MachineTicks {
  busy: number;
  total: number;
}

const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in clock ticks. */
function processTicks(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** All CPUs together: ticks spent busy and in total (idle and iowait count as not busy). */
function machineTicks(): MachineTicks | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return undefined;
  }
}
