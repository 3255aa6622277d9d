/** The electron-builder configuration ("build" in package.json) and the icon it points at. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/main/services';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; build: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const build = pkg.build;

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('names the app and its version once', () => {
    expect(build.appId).toBe('app.slashboard.desktop');
    expect(build.productName).toBe('Slashboard');
    expect(APP_VERSION).toBe(pkg.version);
    expect(build.publish).toBeNull();
    expect(build.artifactName).toContain('${version}');
  });

  it('builds AppImage + deb, dmg and NSIS', () => {
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.linux.category).toBe('Finance');
    expect(build.linux.maintainer).toMatch(/<.+@.+>/);
    expect(build.linux.synopsis).toBeTruthy();
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.mac.category).toBe('public.app-category.finance');
    expect(build.mac.hardenedRuntime).toBe(true);
    expect(build.win.target).toEqual(['nsis']);
    expect(build.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('points at an icon of at least 512 px, and at the per-OS icons and entitlements that exist', () => {
    const icon = path.join(root, build.icon);
    const { width, height } = pngSize(icon);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(fs.readFileSync(path.join(root, build.mac.icon)).subarray(0, 4).toString('ascii')).toBe('icns');
    expect(fs.readFileSync(path.join(root, build.win.icon)).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(path.join(root, build.linux.icon, `${size}x${size}.png`)).width).toBe(size);
    const entitlements = fs.readFileSync(path.join(root, build.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
  });

  it('ships the built app and keeps better-sqlite3\'s native module outside the asar archive', () => {
    expect(build.files).toContain('out/**');
    expect(build.npmRebuild).toBe(true);
    expect(build.asarUnpack.some((pattern: string) => pattern.includes('better-sqlite3') && pattern.endsWith('.node'))).toBe(true);
  });
});
