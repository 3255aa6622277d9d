// Builds better-sqlite3 for Electron's ABI into .electron-native/, leaving node_modules'
// Node-ABI build alone (the CLI, browser mode and tests use that one). The Electron main
// process loads this build through better-sqlite3's `nativeBinding` option. Packaged apps do
// not need it: electron-builder rebuilds native modules for Electron while packaging.
import fs from 'node:fs';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { electronVersion } from './electron-binary.mjs';

const root = path.resolve('.electron-native');
const target = path.join(root, 'node_modules', 'better-sqlite3');
const stamp = path.join(root, 'electron-version');
const version = electronVersion();
const built = path.join(target, 'build', 'Release', 'better_sqlite3.node');

if (fs.existsSync(built) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) {
  process.exit(0);
}
console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.cpSync(path.resolve('node_modules/better-sqlite3'), target, {
  recursive: true,
  filter: (source) => !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
});
fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
try {
  await rebuild({ buildPath: root, electronVersion: version, force: true, onlyModules: ['better-sqlite3'] });
  fs.writeFileSync(stamp, version);
} catch (cause) {
  console.error(`Could not build better-sqlite3 for Electron: ${cause instanceof Error ? cause.message : cause}`);
  process.exit(1);
}
