/**
 * Offline mode. With the switch on, nothing leaves the machine: every use-case that would
 * reach a network (refresh, candles, names, ENS) refuses or skips with OFFLINE, and the entry
 * points also install a process-wide fetch gate (offline-gate.ts) as a second line. Without
 * the switch, a refresh in which every network was unreachable is recorded as "offline
 * detected", which the app shows beside the stored data; a later refresh that reaches any
 * network clears it.
 */
import { AppFailure } from '../../../shared/result';
import type { RefreshChainOutcome } from '../../../shared/ipc/schemas';
import type { AppContext } from './context';

const ENABLED_KEY = 'network.offline';
const DETECTED_KEY = 'network.offlineDetected';

export interface OfflineState {
  enabled: boolean;
  /** When a refresh last found every network unreachable (ms), and one of the errors. */
  detected: { at: number; detail: string } | null;
}

export function offlineState(ctx: AppContext): OfflineState {
  const detected = ctx.repos.settings.get(DETECTED_KEY) as { at?: unknown; detail?: unknown } | null;
  return {
    enabled: ctx.repos.settings.get(ENABLED_KEY) === true,
    detected: detected && typeof detected.at === 'number' && typeof detected.detail === 'string' ? { at: detected.at, detail: detected.detail } : null,
  };
}

export function setOffline(ctx: AppContext, enabled: boolean): void {
  ctx.repos.settings.set(ENABLED_KEY, enabled);
  ctx.events.emit('data.changed', { what: 'settings' });
}

export const offlineMessage = (what: string) => `Offline mode is on: ${what} needs the network, so nothing was fetched. Turn it off in Settings to go online.`;

export function assertOnline(ctx: AppContext, what: string): void {
  if (offlineState(ctx).enabled) throw new AppFailure('OFFLINE', offlineMessage(what));
}

/** Errors that mean the network itself could not be reached (not an RPC that answered badly). */
const UNREACHABLE = /unreachable|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET|timed out|fetch failed|getaddrinfo|network/i;

/** Records (or clears) "offline detected" from a refresh's outcomes. */
export function recordDetection(ctx: AppContext, outcomes: readonly RefreshChainOutcome[]): void {
  const tried = outcomes.filter((outcome) => outcome.status !== 'skipped');
  if (tried.length === 0) return;
  const failures = tried.flatMap((outcome) => (outcome.status === 'failed' ? [outcome.error] : []));
  const before = offlineState(ctx).detected;
  if (failures.length === tried.length && failures.every((error) => UNREACHABLE.test(error))) {
    ctx.repos.settings.set(DETECTED_KEY, { at: ctx.now(), detail: failures[0]!.slice(0, 300) });
  } else if (before) {
    ctx.repos.settings.delete(DETECTED_KEY);
  } else return;
  ctx.events.emit('data.changed', { what: 'settings' });
}
