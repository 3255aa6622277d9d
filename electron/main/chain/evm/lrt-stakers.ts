/**
 * Each LRT protocol's EigenLayer stakers (registry: shared/registry/lrt-protocols.ts) and
 * its backing token's total supply, at the snapshot block: one multicall for the lists
 * (or their lengths / names) and supplies, one more for indexed or named lists of the
 * protocols the wallets hold. A protocol whose read fails keeps its error; the others go on.
 */
import { erc20Abi, getAddress, parseAbi, zeroAddress, type Abi } from 'viem';
import type { LrtProtocol } from '../../../../shared/registry/lrt-protocols';
import { mainnetToken } from '../../../../shared/registry/evm-tokens';
import type { EvmClient } from './client';
import { multicall, type ContractCall } from './multicall';

type Address = `0x${string}`;

/** More stakers than this in one protocol is treated as a wrong read, not enumerated. */
export const MAX_STAKERS = 500;

export interface ProtocolStakers {
  protocol: string;
  stakers: Address[];
  totalSupply: bigint | null;
  error: string | null;
}

const viewCall = (address: Address, signature: string, args: readonly unknown[] = []): ContractCall => {
  const abi = parseAbi([signature]) as Abi;
  return { address, abi, functionName: (abi[0] as { name: string }).name, args };
};

/** The first round's call for a protocol's list, or null when the list is fixed. */
function listCall(protocol: LrtProtocol): ContractCall | null {
  const discovery = protocol.discovery;
  if (discovery.type === 'list') return viewCall(discovery.contract, discovery.listSignature);
  if (discovery.type === 'indexed') return viewCall(discovery.contract, discovery.lengthSignature);
  if (discovery.type === 'named') return viewCall(discovery.contract, discovery.namesSignature);
  return null;
}

/** What the first round found: per protocol, its stakers, or the keys to resolve them by, or an error. */
export interface StakerLists {
  protocols: readonly LrtProtocol[];
  results: ProtocolStakers[];
  pending: { index: number; calls: ContractCall[] }[];
}

/**
 * Round one, for every registry protocol (cheap, and started with the balances so it shares
 * their HTTP batch): the lists, or their lengths or names, and the backing supplies.
 */
export async function readStakerLists(evm: EvmClient, blockNumber: bigint, protocols: readonly LrtProtocol[]): Promise<StakerLists> {
  const firstCalls = protocols.map((protocol) => ({
    list: listCall(protocol),
    // ERC-20 totalSupply() (EIP-20), from viem's standard ERC-20 ABI.
    supply: { address: mainnetToken(protocol.backingSymbol)!.address, abi: erc20Abi, functionName: 'totalSupply' } as ContractCall,
  }));
  const first = await multicall(evm, firstCalls.flatMap(({ list, supply }) => (list ? [list, supply] : [supply])), { blockNumber });
  let cursor = 0;
  const pending: StakerLists['pending'] = [];
  const results = protocols.map((protocol, index): ProtocolStakers => {
    const list = firstCalls[index]!.list ? first[cursor++]! : null;
    const supply = first[cursor++]!;
    const result: ProtocolStakers = { protocol: protocol.protocol, stakers: [], totalSupply: supply.ok ? (supply.value as bigint) : null, error: null };
    const discovery = protocol.discovery;
    if (!supply.ok) result.error = `${protocol.backingSymbol} total supply: ${supply.error}`;
    else if (list && !list.ok) result.error = `staker list: ${list.error}`;
    else if (discovery.type === 'fixed') result.stakers = [...discovery.stakers];
    else if (discovery.type === 'list') result.stakers = (list!.value as Address[]).map((item) => getAddress(item));
    else {
      const keys = discovery.type === 'indexed' ? Array.from({ length: Number(list!.value as bigint) }, (_, item) => BigInt(item)) : [...new Set(list!.value as `0x${string}`[])];
      if (keys.length > MAX_STAKERS) result.error = `staker count ${keys.length} is over ${MAX_STAKERS}`;
      else pending.push({ index, calls: keys.map((key) => viewCall(discovery.contract, discovery.itemSignature, [key])) });
    }
    return result;
  });
  return { protocols, results, pending };
}

/** Round two, only for the protocols asked for: indexed and named lists resolved to addresses. */
export async function resolveStakers(evm: EvmClient, blockNumber: bigint, lists: StakerLists, wanted: (protocol: LrtProtocol) => boolean): Promise<ProtocolStakers[]> {
  const keep = lists.protocols.map(wanted);
  const results = lists.results.map((result) => ({ ...result, stakers: [...result.stakers] }));
  const pending = lists.pending.filter((item) => keep[item.index]);
  const calls = pending.flatMap((item) => item.calls);
  if (calls.length > 0) {
    const items = await multicall(evm, calls, { blockNumber });
    let at = 0;
    for (const { index, calls: own } of pending) {
      const result = results[index]!;
      for (let n = 0; n < own.length; n += 1) {
        const item = items[at++]!;
        if (!item.ok) result.error ??= `staker read: ${item.error}`;
        else if (item.value !== zeroAddress) result.stakers.push(getAddress(item.value as string));
      }
    }
  }
  return results.filter((_, index) => keep[index]).map((result) => ({ ...result, stakers: result.error ? [] : [...new Set(result.stakers)] }));
}
