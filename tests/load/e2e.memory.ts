import { readFileSync } from 'node:fs';

const SAMPLE_MS = 1000;

/** Peak resident memory of one process, in MB. */
export interface PeakMemory {
  /** The highest VmRSS of the once-a-second samples. */
  sampledMb: number;
  /** The kernel's own high-water mark (VmHWM) at the end, which no sampling can miss. */
  highWaterMb: number;
}

/** Samples VmRSS of each process in /proc (Linux) every second while it runs. */
export class PeakRss {
  private readonly peaksKb = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: Record<string, number | undefined>) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  /** Stops sampling (call it while the processes still run, for their VmHWM) and returns each one's peaks. */
  stop(): Record<string, PeakMemory> {
    clearInterval(this.timer);
    this.sample();
    const mb = (kb: number | undefined) => Math.round((kb ?? 0) / 1024);
    return Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => [
        name,
        { sampledMb: mb(this.peaksKb.get(name)), highWaterMb: mb(statusKb(pid, 'VmHWM')) },
      ]),
    );
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = statusKb(pid, 'VmRSS');
      if (rss !== undefined) this.peaksKb.set(name, Math.max(this.peaksKb.get(name) ?? 0, rss));
    }
  }
}

/** A `kB` field of /proc/<pid>/status; undefined when the process is gone or this is not Linux. */
function statusKb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
