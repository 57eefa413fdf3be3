import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The options of the `gc` that `--expose-gc` gives. */
type ExposedGc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * A full garbage collection now, for after a one-off job that allocated far more than it keeps. V8
 * leaves such garbage until its next full collection, which under load comes late and on top of the
 * load's own (ADR 0061). The last-resort flavour is what V8 does when told memory is low: it collects
 * until nothing more goes and gives the emptied pages back to the system, which a regular full
 * collection keeps for the heap to grow into again (ADR 0063). `gc` is exposed to contexts created
 * after `--expose-gc` is set, so the flag is set here rather than demanded of every way the process
 * is started.
 */
export function collectGarbageNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as ExposedGc)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
