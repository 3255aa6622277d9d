/**
 * One line a person can act on from a viem error: its short message, the detail the
 * transport gave, and which endpoint it was (viem's full message lists every retry).
 */
export function describeRpcError(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause).slice(0, 300);
  const error = cause as Error & { shortMessage?: string; details?: string; url?: string };
  const short = (error.shortMessage ?? error.message).split('\n')[0]!;
  const details = error.details && !short.includes(error.details) ? `: ${error.details.split('\n')[0]}` : '';
  let where = '';
  try {
    if (error.url) where = ` (${new URL(error.url).host})`;
  } catch {
    // not a URL: leave it out
  }
  return `${short.replace(/\.$/, '')}${details}${where}`.slice(0, 300);
}
