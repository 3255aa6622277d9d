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

/**
 * The node no longer has the state of that block (a full node, not an archive node):
 * - geth hash-based: "missing trie node <hash> (path )", code -32000; a full node keeps the
 *   last 128 blocks' state (ethereum/go-ethereum#20874, karalabe's answer);
 * - geth path-based and others: "historical state ... is not available", "required
 *   historical state unavailable" (blockscout/blockscout#2219 quotes geth);
 * - nodes that name it directly: "state ... pruned", "state histories ... not ... available";
 * - anvil --prune-history (foundry): code -32602 "BlockOutOfRangeError: block height is N but
 *   requested was M" (seen from anvil 1.7.1, the version tests run).
 */
export function isMissingState(message: string): boolean {
  return /missing trie node|historical state|BlockOutOfRange|state[^.]{0,60}(pruned|not available|unavailable)/i.test(message);
}
