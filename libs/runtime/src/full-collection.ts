import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection now, for after a one-off job that allocated far more than it keeps. V8
 * leaves such garbage until its next full collection, which under load comes late and on top of the
 * load's own (ADR 0061). `gc` is exposed to contexts created after `--expose-gc` is set, so the flag
 * is set here rather than demanded of every way the process is started.
 */
export function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
