// Adds up the JSON reports of vitest and Playwright into one closing line.
import fs from 'node:fs';
import path from 'node:path';

const [dir, seconds, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
// One line per run (unit, integration-pglite, integration-postgres, e2e), so each database's
// count of passed tests shows; a test for one database only is not counted by the other's run
// at all, so any skip is a real one.
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  let run;
  if ('numPassedTests' in report) {
    run = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
  } else if (report.stats) {
    run = { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
  } else continue;
  console.log(`${path.basename(file, '.json')}: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped`);
  passed += run.passed;
  failed += run.failed;
  skipped += run.skipped;
}
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`Test command took ${seconds} s.`);
// A step that failed without a failing test (lint, type check, build) counts as one.
const failedCount = failed > 0 ? failed : failedSteps.length;
console.log(`${passed} passed, ${failedCount} failed, ${skipped} skipped`);
process.exit(failed || failedSteps.length ? 1 : 0);
