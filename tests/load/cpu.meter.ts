import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * The CPU of every process on the machine whose command line `matches`, e.g. all of Postgres' processes: one
 * that started meanwhile counts from its start, one that ended meanwhile is left out.
 */
export class ProcessGroupCpuMeter {
  private readonly startedAt = performance.now();
  private readonly start: Map<number, number>;

  constructor(
    private readonly name: string,
    private readonly matches: (commandLine: string) => boolean,
  ) {
    this.start = this.ticks();
  }

  /** E.g. `Postgres CPU 66% of a core`; undefined when no such process runs here (or /proc cannot tell). */
  note(): string | undefined {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const end = this.ticks();
    if (end.size === 0 || seconds <= 0) return undefined;
    let used = 0;
    for (const [pid, ticks] of end) used += ticks - (this.start.get(pid) ?? 0);
    return `${this.name} CPU ${Math.round((100 * used) / CLOCK_TICKS / seconds)}% of a core`;
  }

  private ticks(): Map<number, number> {
    const found = new Map<number, number>();
    let entries: string[];
    try {
      entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
    } catch {
      return found;
    }
    for (const entry of entries) {
      const pid = Number(entry);
      const commandLine = readOrEmpty(`/proc/${pid}/cmdline`).replace(/\0/g, ' ');
      if (!this.matches(commandLine)) continue;
      const ticks = processTicks(pid);
      if (ticks !== undefined) found.set(pid, ticks);
    }
    return found;
  }
}

/**
 * One CpuMeter per named process: `<name> CPU …% of a core` for each, then Postgres' and the Kafka broker's
 * when they run on this machine, then `machine …% busy` once.
 */
export class ServicesCpuMeter {
  private readonly meters: { name: string; meter: CpuMeter }[];
  private readonly infrastructure = [
    new ProcessGroupCpuMeter('Postgres', (commandLine) => /(^|\/)postgres[: ]/.test(commandLine)),
    new ProcessGroupCpuMeter('Kafka broker', (commandLine) => commandLine.includes(' kafka.Kafka ')),
  ];

  constructor(pids: Record<string, number | undefined>) {
    this.meters = Object.entries(pids).map(([name, pid]) => ({ name, meter: new CpuMeter(pid) }));
  }

  notes(): string[] {
    const cpu = this.meters.map(({ name, meter }) => ({ name, notes: meter.notes() }));
    return [
      ...cpu
        .map(({ name, notes }) => notes[0]?.replace(/^service/, name))
        .filter((note): note is string => Boolean(note)),
      ...this.infrastructure.map((meter) => meter.note()).filter((note): note is string => Boolean(note)),
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

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
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
