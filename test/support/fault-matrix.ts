/**
 * What the fault matrix (test/integration/faults.test.ts) and the soak bench share: the outcome
 * of one faulted refresh in words, the healthy values of a snapshot read straight from anvil at
 * the same block, and the printed table.
 */
import { createPublicClient, http, type Address } from 'viem';
import { erc20Abi } from '../../electron/main/chain/evm/multicall3-abi';
import type { EvmToken } from '../../shared/registry/evm-tokens';
import type { TempApp } from './temp-app';
import type { NetworkId } from '../../shared/registry/networks';

export interface MatrixRow {
  fault: string;
  target: string;
  outcome: string;
  ms: number;
}

/** One network's stored state as the portfolio shows it: its snapshot, last error, and positions. */
export function storedState(app: TempApp, network: NetworkId) {
  const portfolio = app.services.portfolio.get();
  const chain = portfolio.chains.find((item) => item.chain === network)!;
  const positions = portfolio.positions
    .filter((item) => item.chain === network)
    .map((item) => ({ walletId: item.walletId, tokenAddress: item.tokenAddress, symbol: item.symbol, rawAmount: item.rawAmount, error: item.error }));
  return { snapshot: chain.snapshot, lastError: chain.lastError?.message ?? null, positions };
}

/** Every balance of `owner` at `block`, read from the node directly (one eth_call each, no multicall). */
export async function balancesAt(url: string, owner: Address, tokens: readonly EvmToken[], block: bigint): Promise<Map<string, string>> {
  const client = createPublicClient({ transport: http(url, { batch: true, retryCount: 0 }) });
  const [native, ...held] = await Promise.all([
    client.getBalance({ address: owner, blockNumber: block }),
    ...tokens.map((token) => client.readContract({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [owner], blockNumber: block })),
  ]);
  return new Map([['ETH', native.toString()], ...tokens.map((token, index): [string, string] => [token.symbol, held[index]!.toString()])]);
}

export function printTable(title: string, rows: readonly MatrixRow[]): void {
  const cells = rows.map((row) => [row.fault, row.target, row.outcome.replace(/\s+/g, ' ').slice(0, 150), `${Math.round(row.ms)} ms`]);
  const head = ['fault', 'target', 'outcome', 'time'];
  const widths = head.map((label, index) => Math.max(label.length, ...cells.map((cell) => cell[index]!.length)));
  const line = (cell: string[]) => cell.map((text, index) => (index === 3 ? text.padStart(widths[index]!) : text.padEnd(widths[index]!))).join(' │ ');
  console.log([`\n${title}`, line(head), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...cells.map(line)].join('\n'));
}
