/**
 * `--smoke`: what a packaged build must be able to do, checked without a window: the database
 * opens through the bundled native SQLite module, the handlers answer, and the renderer and
 * preload files are in the package. Prints one line, `OK Slashboard <version> …` or `FAIL …`
 * (scripts/smoke-linux.mjs looks for it).
 */
import fs from 'node:fs';
import type { AppHost } from './app-host';

export async function smokeCheck(host: AppHost, requiredFiles: readonly string[]): Promise<{ ok: boolean; line: string }> {
  const recovery = host.recovery();
  if (recovery) return { ok: false, line: `FAIL database: ${recovery.error.message}` };
  const missing = requiredFiles.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) return { ok: false, line: `FAIL missing from the package: ${missing.join(', ')}` };
  const info = await host.dispatch('app.info', undefined);
  if (!info.ok) return { ok: false, line: `FAIL app.info: ${info.error.message}` };
  const { version, schemaVersion, mode } = info.value as { version: string; schemaVersion: number; mode: string };
  const electron = process.versions.electron ? ` electron ${process.versions.electron}` : '';
  return { ok: true, line: `OK Slashboard ${version} (${mode}${electron}, schema ${schemaVersion})` };
}
