/**
 * Runs one cleanup step without letting its failure hide the error that ended the phase:
 * a step that fails is reported on stderr and the next one still runs.
 */
export async function bestEffort(step: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.stderr.write(`bench: cleanup "${step}" failed: ${(error as Error).message}\n`);
  }
}
