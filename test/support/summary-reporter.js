// Ends every jest run with one plain line, "Tests: N passed, N failed, N skipped", which tools
// outside jest read without knowing its own summary format. Written as the process exits, so
// it is the very last line, after jest's own summary.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => fs.writeSync(1, line));
  }
}

module.exports = SummaryReporter;
