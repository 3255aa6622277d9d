/**
 * Snapshot retention: keep every snapshot of the last N whole UTC days (and today; N from
 * Settings, default 90), and of older days one per network per day, the day's last. A chain's
 * latest snapshot is never removed, so the portfolio and the history charts (one point per
 * Ethereum snapshot) keep working: older history just becomes daily. Runs after each refresh
 * (one indexed query when there is nothing to thin) and on demand; VACUUM only on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keepAllDaysSchema, type Retention, type RetentionRunResult } from '../../../shared/ipc/backup-schemas';
import { AppFailure } from '../../../shared/result';
import { DB_FILE_NAME } from '../db/open';
import { createRetentionRepo } from '../db/repos/retention.repo';
import type { AppContext } from './context';

export const DEFAULT_KEEP_ALL_DAYS = 90;
const KEY = 'retention.keepAllDays';
const DAY_SECONDS = 86_400;

export function keepAllDays(ctx: AppContext): number {
  const stored = keepAllDaysSchema.safeParse(ctx.repos.settings.get(KEY));
  return stored.success ? stored.data : DEFAULT_KEEP_ALL_DAYS;
}

/** Start (unix seconds) of the oldest UTC day whose snapshots are all kept. */
export function cutoffSeconds(nowMs: number, days: number): number {
  return (Math.floor(nowMs / 1000 / DAY_SECONDS) - days) * DAY_SECONDS;
}

/** Thins by the stored setting (or `days`), then refreshes the query planner's statistics; returns how many snapshots were removed. */
export function thinSnapshots(ctx: AppContext, days = keepAllDays(ctx)): number {
  const repo = createRetentionRepo(ctx.db);
  const removed = repo.thinBefore(cutoffSeconds(ctx.now(), days));
  repo.optimize();
  return removed;
}

const fileBytes = (ctx: AppContext) => fs.statSync(path.join(ctx.dataDir, DB_FILE_NAME), { throwIfNoEntry: false })?.size ?? 0;

export function createRetentionService(ctx: AppContext, busy: () => boolean) {
  return {
    get: (): Retention => ({ keepAllDays: keepAllDays(ctx) }),
    set: (days: number): Retention => {
      ctx.repos.settings.set(KEY, keepAllDaysSchema.parse(days));
      ctx.events.emit('data.changed', { what: 'settings' });
      return { keepAllDays: keepAllDays(ctx) };
    },
    run: (options: { vacuum?: boolean } = {}): RetentionRunResult => {
      const bytesBefore = fileBytes(ctx);
      const removed = thinSnapshots(ctx);
      if (options.vacuum) {
        // VACUUM rewrites the whole file and needs no statement in progress: never under a refresh.
        if (busy()) throw new AppFailure('BUSY', 'A refresh is running; compact the database when it has finished');
        createRetentionRepo(ctx.db).vacuum();
      }
      if (removed > 0) ctx.events.emit('data.changed', { what: 'portfolio' });
      return { removed, vacuumed: options.vacuum === true, bytesBefore, bytesAfter: fileBytes(ctx) };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
