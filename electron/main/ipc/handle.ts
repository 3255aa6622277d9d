/**
 * Turns handler maps into one dispatcher: look up the channel, validate input with the
 * contract's zod schema, run, and wrap the outcome in a Result. Nothing thrown crosses.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../../shared/ipc/contract';
import { err, ok, toAppError, type Result } from '../../../shared/result';
import { databaseFailure } from '../services/database-errors';
import { printable } from '../../../shared/printable';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return err('UNKNOWN_CHANNEL', `Unknown channel "${printable(String(channel).slice(0, 100))}"`);
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return err('INVALID_INPUT', printable(describeIssues(parsed.error)));
    try {
      const handler = handlers[channel] as (value: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (cause) {
      // A SQLite failure (disk full, read-only, damaged file) becomes a DATABASE error a person can act on.
      const error = toAppError(databaseFailure(cause) ?? cause);
      // Messages quote the input (a market, a path, an address): never raw control characters.
      return { ok: false, error: { code: error.code, message: printable(error.message) } };
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
