import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from './service.process';

describe('ServiceProcess', () => {
  const entry = join(mkdtempSync(join(tmpdir(), 'service-process-')), 'exits.js');
  writeFileSync(entry, "console.log('cannot start'); process.exit(3);\n");

  it('stops waiting for readiness as soon as the process has exited, with its output', async () => {
    const child = ServiceProcess.start({ entry, env: {} });
    await expect(child.waitForHttp('http://127.0.0.1:9/health/ready', 200, 60000)).rejects.toThrow(
      /^process exited before http:\/\/127\.0\.0\.1:9\/health\/ready answered:\ncannot start/,
    );
  });

  it('stops waiting for output as soon as the process has exited', async () => {
    const child = ServiceProcess.start({ entry, env: {} });
    await expect(child.waitForOutput('listening', 60000)).rejects.toThrow(
      /^process exited without printing "listening"/,
    );
  });
});
