// Ends the browser test run with one plain line, "browser: N passed, N failed",
// that CI and people can read without the progress bars.
function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        // A file that failed to load or errored outside a test counts as a failure.
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) acc.failed += 1;
      }
      const skipped = acc.skipped ? `, ${acc.skipped} skipped` : '';
      // Printed after the default reporter's own output.
      setTimeout(() => console.log(`\nbrowser: ${acc.passed} passed, ${acc.failed} failed${skipped}`), 0);
    },
  };
}
