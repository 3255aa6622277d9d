// Smoke test of a Linux build: launches the AppImage (or dist/linux-unpacked/slashboard, or
// the file given) with --smoke against a fresh data folder, and checks that it printed
// "OK Slashboard <version>" (the database opened through the packaged native SQLite module,
// the renderer and preload files are inside) and wrote its log. No window is opened.
// Skips, exit 0 with the reason, when not on Linux or when there is no build.
//   node scripts/smoke-linux.mjs [path/to/Slashboard.AppImage]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const skip = (reason) => {
  console.log(`smoke-linux: SKIP: ${reason}`);
  process.exit(0);
};
const fail = (reason) => {
  console.error(`smoke-linux: FAIL: ${reason}`);
  process.exit(1);
};

if (process.platform !== 'linux') skip(`this checks Linux builds; this is ${process.platform}`);

const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const dist = path.resolve('dist');
const newestAppImage = () =>
  fs.existsSync(dist)
    ? fs
        .readdirSync(dist)
        .filter((name) => name.endsWith('.AppImage'))
        .map((name) => path.join(dist, name))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]
    : undefined;
const unpacked = path.join(dist, 'linux-unpacked', 'slashboard');
const target = process.argv[2] ? path.resolve(process.argv[2]) : newestAppImage() ?? (fs.existsSync(unpacked) ? unpacked : undefined);
if (!target) skip('no Linux build in dist/ (build one with `npm run dist` on Linux, see docs/shipping.md)');
if (!fs.existsSync(target)) fail(`${target} does not exist`);
fs.chmodSync(target, 0o755);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slashboard-smoke-'));
// Containers and CI runners: the AppImage's chrome-sandbox cannot be setuid inside its
// squashfs and root may not use the sandbox at all; FUSE is often missing (extract and run).
const args = ['--smoke', '--data-dir', dataDir];
if (process.getuid?.() === 0 || process.env.CI) args.push('--no-sandbox');
let command = target;
let commandArgs = args;
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (xvfb) [command, commandArgs] = [xvfb, ['-a', target, ...args]];
  else args.push('--ozone-platform=headless');
}
console.log(`smoke-linux: ${[command, ...commandArgs].join(' ')}`);
const run = spawnSync(command, commandArgs, {
  encoding: 'utf8',
  timeout: 120_000,
  env: { ...process.env, APPIMAGE_EXTRACT_AND_RUN: '1', ELECTRON_ENABLE_LOGGING: '0' },
});
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
const okLine = (run.stdout ?? '').split('\n').find((line) => line.startsWith('OK Slashboard '));
const logFile = path.join(dataDir, 'logs', 'slashboard.log');
const logged = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
fs.rmSync(dataDir, { recursive: true, force: true });

if (run.error) fail(`could not run ${target}: ${run.error.message}\n${output}`);
if (run.status !== 0 || !okLine) fail(`exit ${run.status ?? run.signal}; expected a line "OK Slashboard ${version} …"\n${output}`);
if (!okLine.startsWith(`OK Slashboard ${version} `)) fail(`the build reports another version than package.json (${version}): ${okLine}`);
if (!logged.includes('"event":"app.smoke"')) fail(`no app.smoke line in ${logFile}`);
console.log(`smoke-linux: ${okLine}`);
