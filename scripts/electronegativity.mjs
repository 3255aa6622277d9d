// Electron security scan (Doyensec Electronegativity) of the app's source: electron/ (main and
// preload), renderer/ and shared/, for the installed Electron version. Every finding must be
// listed in scripts/electronegativity-allowlist.json with the reason it is fixed elsewhere or
// accepted (docs/security.md explains each); anything else fails. `npm run audit:electron`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { electronVersion } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const allowlistFile = path.join(root, 'scripts', 'electronegativity-allowlist.json');
const scanner = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

// The scanner takes one input folder and would walk node_modules and out/ too: give it a folder
// holding only the source trees (links) and package.json.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slashboard-electronegativity-'));
try {
  process.exitCode = scan();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function scan() {
  const input = path.join(work, 'app');
  fs.mkdirSync(input);
  for (const dir of ['electron', 'renderer', 'shared']) fs.symlinkSync(path.join(root, dir), path.join(input, dir), 'dir');
  fs.copyFileSync(path.join(root, 'package.json'), path.join(input, 'package.json'));
  const report = path.join(work, 'report.sarif');
  const version = electronVersion();
  console.log(`electronegativity: scanning electron/, renderer/, shared/ for Electron ${version}`);
  const run = spawnSync(process.execPath, [scanner, '-i', input, '-o', report, '-r', '-v', 'false', '-e', version], { encoding: 'utf8', cwd: root });
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(run.stdout, run.stderr);
    console.error('electronegativity: the scan did not produce a report');
    return 2;
  }

  const findings = JSON.parse(fs.readFileSync(report, 'utf8')).runs.flatMap((r) =>
    r.results.map((result) => {
      const where = result.locations?.[0]?.physicalLocation;
      const uri = where?.artifactLocation?.uri ?? 'N/A';
      return {
        check: result.ruleId,
        file: uri === 'file:///' ? 'N/A' : uri.replace(/^file:\/\//, ''),
        line: where?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      };
    }),
  );
  const allowlist = JSON.parse(fs.readFileSync(allowlistFile, 'utf8'));
  const justification = (finding) => allowlist.find((entry) => entry.check === finding.check && entry.file === finding.file);

  let unjustified = 0;
  for (const finding of findings) {
    const entry = justification(finding);
    const place = finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}`;
    if (entry) console.log(`  justified  ${finding.check} ${place}\n             ${entry.reason}`);
    else {
      unjustified++;
      console.log(`  NEW        ${finding.check} ${place}: ${finding.message}`);
    }
  }
  const stale = allowlist.filter((entry) => !findings.some((f) => f.check === entry.check && f.file === entry.file));
  for (const entry of stale) console.log(`  (allowlist entry no longer found: ${entry.check} ${entry.file}; remove it)`);

  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - unjustified} justified, ${unjustified} not`);
  if (unjustified > 0) {
    console.log('Fix each new finding, or add it to scripts/electronegativity-allowlist.json with the reason and to docs/security.md.');
    return 1;
  }
  return 0;
}
