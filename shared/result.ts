/**
 * Result values cross every boundary (IPC, HTTP, CLI): handlers never throw across it.
 * An AppFailure thrown inside main is turned into `{ ok: false, error }` by the dispatcher.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'DUPLICATE',
  'NOT_FOUND',
  'NETWORK',
  'RPC_ERROR',
  'DATABASE',
  'BUSY',
  'OFFLINE',
  'UNAUTHORIZED',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  /** The database could not be opened: only the recovery.* channels work until a backup is restored. */
  'RECOVERY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside main by services; the dispatcher converts it to an error Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** Unwraps a Result or throws its error as an AppFailure (for scripts and the CLI). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppFailure(result.error.code, result.error.message);
}

/** Converts anything thrown into an AppError with a message fit for a person. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppFailure) return { code: cause.code, message: cause.message };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'INTERNAL', message: message || 'Unexpected error' };
}
