// Finds the Electron binary, downloading it once if it is missing (Electron 42+ fetches it
// on first use, not at install). Returns null, with the reason, where it cannot be had.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const electronDir = path.resolve('node_modules/electron');

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

export function findElectron({ download = true } = {}) {
  const existing = installedBinary();
  if (existing) return { binary: existing };
  if (!download) return { binary: null, reason: 'the Electron binary is not downloaded' };
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  const binary = installedBinary();
  if (binary) return { binary };
  const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').find((line) => /error|failed/i.test(line));
  return { binary: null, reason: `the Electron binary could not be downloaded (${detail ?? `exit ${result.status}`})` };
}
