import { spawn } from 'node:child_process';
import { ProcessGroupCpuMeter } from './cpu.meter';

describe('ProcessGroupCpuMeter', () => {
  it('adds up the CPU of the processes whose command line matches, and only theirs', async () => {
    const marker = `cpu-meter-spec-${process.pid}`;
    const busy = spawn(process.execPath, ['-e', 'for (;;);', marker]);
    await new Promise((resolve) => busy.once('spawn', resolve));
    try {
      const group = new ProcessGroupCpuMeter('spinner', (commandLine) => commandLine.includes(marker));
      const nobody = new ProcessGroupCpuMeter('nobody', (commandLine) => commandLine.includes(`${marker}-not`));
      await new Promise((resolve) => setTimeout(resolve, 500));

      const note = group.note();
      expect(note).toMatch(/^spinner CPU \d+% of a core$/);
      expect(Number(/(\d+)%/.exec(note as string)?.[1])).toBeGreaterThan(0);
      expect(nobody.note()).toBeUndefined();
    } finally {
      busy.kill('SIGKILL');
    }
  });
});
