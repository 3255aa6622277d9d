/** Main → renderer push events, typed like the contract. */
import { z } from 'zod';
import { networkIdSchema } from './schemas';
import { backupKindSchema } from './backup-schemas';

export const events = {
  'refresh.progress': z.object({
    chain: networkIdSchema,
    phase: z.enum(['started', 'calls', 'risk', 'history', 'done', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
    message: z.string().optional(),
  }),
  'data.changed': z.object({ what: z.enum(['wallets', 'portfolio', 'settings']) }),
  /** A backup being written (pages copied, then verified), or why one failed or was skipped. */
  'backup.progress': z.object({
    kind: backupKindSchema,
    phase: z.enum(['started', 'copying', 'verifying', 'done', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
    path: z.string(),
    message: z.string().optional(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
/** A discriminated union: checking `name` narrows `payload`. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
