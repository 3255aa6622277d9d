/** The --smoke check a packaged build runs (smoke.ts), over a real app host and SQLite file. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppHost, type AppHost } from '../../electron/main/app-host';
import { smokeCheck } from '../../electron/main/smoke';
import { APP_VERSION } from '../../electron/main/services';
import { makeTempDir } from '../support/temp-app';

let host: AppHost | null = null;
let dir = '';
afterEach(() => {
  host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('smokeCheck', () => {
  it('prints OK with the version when the database opens and the files are there', async () => {
    dir = makeTempDir('slashboard-smoke-');
    host = openAppHost({ dataDir: dir, mode: 'electron' });
    const present = path.join(dir, 'index.html');
    fs.writeFileSync(present, '<!doctype html>');
    const result = await smokeCheck(host, [present]);
    expect(result.ok).toBe(true);
    expect(result.line).toMatch(new RegExp(`^OK Slashboard ${APP_VERSION.replace(/\./g, '\\.')} \\(electron, schema \\d+\\)$`));

    const missing = await smokeCheck(host, [present, path.join(dir, 'preload', 'index.cjs')]);
    expect(missing).toEqual({ ok: false, line: expect.stringMatching(/^FAIL missing from the package: .*index\.cjs$/) });
  });

  it('fails when the database cannot be opened', async () => {
    dir = makeTempDir('slashboard-smoke-');
    fs.writeFileSync(path.join(dir, 'slashboard.sqlite'), 'not a database, just text that is long enough to be read as a header');
    host = openAppHost({ dataDir: dir, mode: 'electron' });
    const result = await smokeCheck(host, []);
    expect(result.ok).toBe(false);
    expect(result.line).toMatch(/^FAIL database: /);
  });
});
