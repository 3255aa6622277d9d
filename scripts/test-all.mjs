// The README's test command: unit + integration (vitest), then a build and the end-to-end
// tests (Playwright + Chromium). Prints one closing line "N passed, N failed, N skipped".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'slashboard-reports-'));
const bin = (name) => path.resolve('node_modules/.bin', name);
const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const vitestJson = path.join(reports, 'vitest.json');
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const buildStatus = run(bin('electron-vite'), ['build']);
const playwrightJson = path.join(reports, 'playwright.json');
const playwrightStatus = buildStatus === 0 ? run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) : 1;

const counts = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
if (fs.existsSync(playwrightJson)) {
  const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  counts.passed += stats.expected;
  counts.failed += stats.unexpected + stats.flaky;
  counts.skipped += stats.skipped;
}
const failed = vitestStatus !== 0 || buildStatus !== 0 || playwrightStatus !== 0;
if (failed && counts.failed === 0) counts.failed = 1; // a crash before any test reported
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failed ? 1 : 0);
