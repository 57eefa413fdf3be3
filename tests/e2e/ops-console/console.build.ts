import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expectEventually } from '@nps/testing';

const ROOT = resolve(__dirname, '../../..');
const WEB = join(ROOT, 'services/ops-console/web');
const BUILT_INDEX = join(ROOT, 'dist/services/ops-console/web/index.html');
// Several e2e files may start at once (Jest workers, other people's runs): one builds, the others wait.
const LOCK = join(ROOT, 'dist/.ops-console-web-build.lock');
const STALE_LOCK_MS = 300000;
const run = promisify(execFile);

/** The newest modification time of the page's sources (src, index.html, Vite and TS config). */
function newestSourceMs(dir = WEB): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Vite's index.html, newer than every source: `npm run build` (swc --copy-files) leaves the raw one there. */
function upToDate(): boolean {
  if (!existsSync(BUILT_INDEX) || readFileSync(BUILT_INDEX, 'utf8').includes('/src/main.tsx')) return false;
  return statSync(BUILT_INDEX).mtimeMs >= newestSourceMs();
}

function viteConfig(): string {
  const config = ['vite.config.ts', 'vite.config.mts'].map((name) => join(WEB, name)).find(existsSync);
  if (!config) throw new Error(`no vite.config.ts in ${WEB}`);
  return config;
}

function takeLock(): boolean {
  try {
    mkdirSync(LOCK, { recursive: false });
    return true;
  } catch {
    if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Builds the console's page with Vite unless dist holds a build newer than every source file. */
export async function ensureConsoleBuilt(): Promise<void> {
  if (upToDate()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  let locked = false;
  await expectEventually(
    () => {
      if (!upToDate()) locked = takeLock();
      expect(upToDate() || locked).toBe(true);
    },
    { timeoutMs: STALE_LOCK_MS, intervalMs: 500 },
  );
  if (!locked) return;
  try {
    if (upToDate()) return;
    await run(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', viteConfig(), '--logLevel', 'warn'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: Error & { stderr?: string; stdout?: string }) => {
      error.message += `\nvite build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`;
      throw error;
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
