// Prints the closing line CI reads ("N passed, N failed") and keeps it in .run/ so the test
// script can repeat it as its very last line after stopping what it started. Before it, the
// slowest test files, so a run that grew slower says where the time went; every file's time is
// kept in .run/test-durations.txt.
const fs = require('node:fs');
const path = require('node:path');

const SLOWEST_SHOWN = 15;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const dir = path.join(process.cwd(), '.run');
    fs.mkdirSync(dir, { recursive: true });
    const durations = results.testResults
      .map((file) => ({
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
        file: path.relative(process.cwd(), file.testFilePath),
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .map(({ seconds, file }) => `${seconds.toFixed(1).padStart(7)} s  ${file}`);
    fs.writeFileSync(path.join(dir, 'test-durations.txt'), `${durations.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'test-summary.txt'), `${line}\n`);
    const slowest = durations.slice(0, SLOWEST_SHOWN).join('\n');
    process.stdout.write(`\nslowest test files (all in .run/test-durations.txt):\n${slowest}\n\n${line}\n`);
  }
}

module.exports = SummaryReporter;
