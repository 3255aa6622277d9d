/** What every CLI command shares: calling a channel through the dispatcher, and taking its options out of the arguments. */
import { AppFailure } from '../../../shared/result';
import type { ChannelInput, ChannelOutput, Channel } from '../../../shared/ipc/contract';
import type { Dispatch } from '../ipc/handle';
import { UsageError } from '../options';

/** The channel's value, or its error thrown as an AppFailure (one line on stderr, exit 1). */
export async function call<C extends Channel>(dispatch: Dispatch, channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message);
  return result.value as ChannelOutput<C>;
}

/** `--flag value` or `--flag=value`, removed from args; a value that looks like another flag needs the `=` form. */
export function takeFlag(args: string[], flag: string): string | undefined {
  const inline = args.findIndex((arg) => arg.startsWith(`${flag}=`));
  if (inline !== -1) return args.splice(inline, 1)[0]!.slice(flag.length + 1);
  const index = args.indexOf(flag);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  args.splice(index, 2);
  return value;
}

export function takeSwitch(args: string[], flag: string): boolean {
  const index = args.indexOf(flag);
  if (index !== -1) args.splice(index, 1);
  return index !== -1;
}

export function rejectExtra(command: string, args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`${command}: unexpected "${args[0]}"`);
}
