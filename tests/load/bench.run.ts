/**
 * Runs a benchmark as a script: settings first (a bad one stops it with one line naming it), then
 * `main`; exits 0 when it finished, 1 with the error otherwise, so no benchmark hangs around.
 */
export function runBench<S>(readSettings: () => S, main: (settings: S) => Promise<void>): void {
  let settings: S;
  try {
    settings = readSettings();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  main(settings).then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
