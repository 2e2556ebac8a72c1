import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with one plain `Tests: N passed, N failed` line that any CI log reader understands. */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    const failedModules = testModules.filter((testModule) => testModule.state() === 'failed').length;
    // A file that fails to load has no test cases; count it so the line never reads as green.
    const failures = failed + (failed === 0 ? failedModules : 0);
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\nTests: ${passed} passed, ${failures} failed${tail}\n`);
  }
}
