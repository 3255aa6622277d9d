/**
 * The process-wide log: JSON lines in `<dataDir>/logs/slashboard.log`, rotated at 1 MB with 5
 * older files kept, every line redacted (redact.ts) so the folder can be attached to a bug report.
 * The Electron app and browser mode start it; until then (CLI, most tests) `log` does nothing.
 * Services log through `log` and never learn where the lines go.
 */
import os from 'node:os';
import path from 'node:path';
import { createRotatingFile, type RotatingFileOptions } from './log-file';
import { redactText, redactValue } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface LoggingOptions extends Partial<Pick<RotatingFileOptions, 'maxBytes' | 'keep' | 'onError'>> {
  /** The user's opt-in to full addresses; asked at every line, so a change applies at once. */
  fullAddresses?: () => boolean;
  now?: () => number;
}

interface Sink {
  write(level: LogLevel, event: string, fields: LogFields): void;
  close(): void;
}

let sink: Sink | null = null;
const secrets = new Set<string>();

export const log = {
  info: (event: string, fields: LogFields = {}) => sink?.write('info', event, fields),
  warn: (event: string, fields: LogFields = {}) => sink?.write('warn', event, fields),
  error: (event: string, fields: LogFields = {}) => sink?.write('error', event, fields),
};

export const logsDir = (dataDir: string) => path.join(dataDir, 'logs');

/** A string that must never reach a log line (the browser-mode token), whatever the setting. */
export function addLogSecret(secret: string): void {
  secrets.add(secret);
}

/** One log line, as written: redacted, then serialized; exported for tests. */
export function formatLine(level: LogLevel, event: string, fields: LogFields, options: { time: number; fullAddresses: boolean }): string {
  const redactOptions = { fullAddresses: options.fullAddresses, secrets, home: os.homedir() };
  const body = redactValue(fields, redactOptions) as LogFields;
  const line = JSON.stringify({ time: new Date(options.time).toISOString(), level, event: redactText(event, redactOptions), ...body });
  // Second pass over the serialized line: a secret split across JSON escaping still never survives.
  return redactText(line, { fullAddresses: true, secrets });
}

/** Starts writing `log` to `<dataDir>/logs`; a second call replaces the first. Returns the file's path. */
export function startLogging(dataDir: string, options: LoggingOptions = {}): { dir: string; file: string; stop(): void } {
  sink?.close();
  const dir = logsDir(dataDir);
  const file = createRotatingFile({ dir, maxBytes: options.maxBytes, keep: options.keep, onError: options.onError });
  const now = options.now ?? Date.now;
  const fullAddresses = () => {
    try {
      return options.fullAddresses?.() === true;
    } catch {
      return false; // a closed database while shutting down: redact
    }
  };
  const current: Sink = {
    write: (level, event, fields) => file.write(formatLine(level, event, fields, { time: now(), fullAddresses: fullAddresses() })),
    close: () => file.close(),
  };
  sink = current;
  return {
    dir,
    file: file.path,
    stop: () => {
      if (sink === current) sink = null;
      current.close();
    },
  };
}

/**
 * Uncaught errors go to the log too, through a monitor: what the process does next (Node exits,
 * Electron shows its dialog) is unchanged. Under Node an unhandled rejection becomes an uncaught
 * exception; Electron's main process only warns about one, so there `rejections` logs it.
 */
export function logUncaught(options: { rejections?: boolean } = {}, target: NodeJS.Process = process): void {
  target.on('uncaughtExceptionMonitor', (error, origin) => log.error('uncaught', { origin, error }));
  if (options.rejections) target.on('unhandledRejection', (reason) => log.error('unhandled-rejection', { reason }));
}
