import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The image `npm run images` builds, unless NPS_IMAGE names another. */
export const IMAGE = process.env.NPS_IMAGE ?? 'localhost/nps:dev';

/** podman with runc and no ulimits to copy, as scripts/images.sh runs it; resolves with stdout. */
export function podman(...args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env, CONTAINERS_CONF: process.env.CONTAINERS_CONF ?? containersConf() };
    const runtime = process.env.PODMAN_RUNTIME ?? 'runc';
    execFile('podman', ['--runtime', runtime, ...args], { env, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error)
        reject(Object.assign(error, { stderr, message: `podman ${args.join(' ')}: ${stderr || error.message}` }));
      else resolvePromise(stdout.trim());
    });
  });
}

function containersConf(): string {
  const file = join(ROOT, '.run/images/containers.conf');
  if (!existsSync(file)) {
    mkdirSync(join(ROOT, '.run/images'), { recursive: true });
    writeFileSync(file, '[containers]\ndefault_ulimits = []\n');
  }
  return file;
}
