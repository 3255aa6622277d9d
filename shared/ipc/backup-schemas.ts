/** Backups, restore, snapshot retention and recovery mode: what crosses the IPC boundary. */
import { z } from 'zod';
import { ERROR_CODES } from '../result';

/** Where a backup came from: automatic after a refresh, made on request, or set aside before a restore. */
export const BACKUP_KINDS = ['auto', 'manual', 'before-restore', 'other'] as const;
export const backupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKindSchema>;

/** A file path as the app gives it back; input paths are checked in main (inside the backups folder). */
const pathSchema = z.string().min(1).max(4096);

export const backupEntrySchema = z.object({
  path: pathSchema,
  name: z.string(),
  kind: backupKindSchema,
  /** Unix ms: the UTC time in the file name, else the file's modification time. */
  time: z.number().int(),
  bytes: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupListSchema = z.object({
  /** `<dataDir>/backups`: the only folder the renderer may restore from or write to. */
  dir: pathSchema,
  /** Newest first. */
  backups: z.array(backupEntrySchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupCreateInputSchema = z
  .object({
    /** A file name or a path inside `<dataDir>/backups`; default `slashboard-YYYYMMDD-HHMMSS.sqlite` (UTC). */
    path: pathSchema.optional(),
  })
  .optional();

export const backupResultSchema = z.object({
  path: pathSchema,
  bytes: z.number().int().nonnegative(),
  ms: z.number().int().nonnegative(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const restoreInputSchema = z.object({ path: pathSchema });

export const restoreResultSchema = z.object({
  /** The backup that was restored. */
  path: pathSchema,
  /** The copy of the data that was replaced (`before-restore-<ts>.sqlite`). */
  asidePath: pathSchema,
  /** The backup's schema version before it was migrated to this app's. */
  fromSchema: z.number().int(),
  toSchema: z.number().int(),
  ms: z.number().int().nonnegative(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** Keep every snapshot for this many days, then one per UTC day per network. */
export const keepAllDaysSchema = z.number().int().min(1).max(36_500);
export const retentionSchema = z.object({ keepAllDays: keepAllDaysSchema });
export type Retention = z.infer<typeof retentionSchema>;

export const retentionRunInputSchema = z.object({ vacuum: z.boolean().optional() }).optional();
export const retentionRunResultSchema = z.object({
  removed: z.number().int().nonnegative(),
  vacuumed: z.boolean(),
  /** Size of the database file (without its -wal) before and after. */
  bytesBefore: z.number().int().nonnegative(),
  bytesAfter: z.number().int().nonnegative(),
});
export type RetentionRunResult = z.infer<typeof retentionRunResultSchema>;

export const recoveryStatusSchema = z.object({
  /** True when the database could not be opened and only the recovery channels work. */
  active: z.boolean(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  dataDir: pathSchema,
  /** Backups that can be restored, newest first. */
  backups: z.array(backupEntrySchema),
});
export type RecoveryStatus = z.infer<typeof recoveryStatusSchema>;

export const recoveryRestoreResultSchema = z.object({
  path: pathSchema,
  /** Where the unreadable database (and its -wal/-shm) were moved. */
  movedAside: z.array(pathSchema),
  schemaVersion: z.number().int(),
});
export type RecoveryRestoreResult = z.infer<typeof recoveryRestoreResultSchema>;
