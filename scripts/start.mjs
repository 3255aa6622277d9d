// `npm start`: build, then open the desktop window; where the Electron binary cannot be had,
// say so in one line and serve the same app in browser mode on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { findElectron } from './electron-binary.mjs';

const args = process.argv.slice(2);
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit' }).status === 0;

if (!run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'])) process.exit(1);

const { binary, reason } = findElectron();
let launch = binary ? [binary, ['.', ...args]] : null;
if (binary && !run(process.execPath, ['scripts/electron-native.mjs'])) {
  console.log('Electron is available but its SQLite module could not be built; starting browser mode instead.');
  launch = null;
}
if (!launch) {
  if (reason) console.log(`Electron cannot run here: ${reason}; starting browser mode instead.`);
  launch = [process.execPath, ['out/main/serve.js', ...args]];
}
const child = spawn(launch[0], launch[1], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
