/**
 * Native EigenLayer restaking per wallet, read at the snapshot's block in three batched
 * rounds: (1) deposits, operator, pod and queued withdrawals; (2) withdrawable shares and
 * each strategy's underlying token; (3) shares → underlying and the underlying's symbol and
 * decimals. Withdrawable shares already account for slashing (DelegationManager).
 */
import { getAddress, zeroAddress } from 'viem';
import { EIGENLAYER, WAD } from '../../../../shared/registry/eigenlayer';
import type { BalanceTarget, PinnedBlock } from './balances';
import type { EvmClient } from './client';
import { delegationManagerAbi, eigenPodManagerAbi, strategyAbi, strategyManagerAbi } from './eigenlayer-abi';
import { erc20Abi } from './multicall3-abi';
import { multicall, type CallResult, type ContractCall } from './multicall';

type Address = `0x${string}`;

export interface EigenAsset {
  token: Address | null; // null: beacon-chain ETH
  symbol: string;
  decimals: number;
}

export type EigenRow =
  | { kind: 'strategy'; strategy: Address; asset: EigenAsset; depositShares: bigint; withdrawableShares: bigint; depositUnderlying: bigint; withdrawableUnderlying: bigint }
  | { kind: 'pod'; pod: Address; asset: EigenAsset; depositShares: bigint; slashingFactor: bigint; restakedWei: bigint; withdrawableShares: bigint }
  | { kind: 'withdrawal'; strategy: Address; asset: EigenAsset; shares: bigint; underlying: bigint; startBlock: bigint; completableBlock: bigint };

export interface EigenWalletRead {
  walletId: number;
  operator: Address | null;
  rows: EigenRow[];
  error: string | null;
}

const ETH: EigenAsset = { token: null, symbol: 'ETH', decimals: 18 };
const BEACON = EIGENLAYER.beaconChainEthStrategy as Address;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const call = (address: string, abi: ContractCall['abi'], functionName: string, args: readonly unknown[] = []): ContractCall => ({
  address: address as Address,
  abi,
  functionName,
  args,
});

function must<T>(result: CallResult | undefined, what: string): T {
  if (!result) throw new Error(`${what}: no result`);
  if (!result.ok) throw new Error(`${what}: ${result.error}`);
  return result.value as T;
}

interface FirstRound {
  walletId: number;
  staker: Address;
  operator: Address | null;
  deposits: { strategy: Address; shares: bigint }[];
  pod: { address: Address; depositShares: bigint; slashingFactor: bigint } | null;
  queued: { strategies: Address[]; startBlock: bigint; shares: bigint[] }[];
}

export async function readEigenLayer(evm: EvmClient, block: PinnedBlock, wallets: readonly BalanceTarget[]): Promise<EigenWalletRead[]> {
  const opts = { blockNumber: block.number };
  const perWallet = 7;
  const first = await multicall(
    evm,
    [
      call(EIGENLAYER.delegationManager, delegationManagerAbi, 'minWithdrawalDelayBlocks'),
      ...wallets.flatMap(({ address }) => [
        call(EIGENLAYER.strategyManager, strategyManagerAbi, 'getDeposits', [address]),
        call(EIGENLAYER.delegationManager, delegationManagerAbi, 'delegatedTo', [address]),
        call(EIGENLAYER.eigenPodManager, eigenPodManagerAbi, 'hasPod', [address]),
        call(EIGENLAYER.eigenPodManager, eigenPodManagerAbi, 'getPod', [address]),
        call(EIGENLAYER.eigenPodManager, eigenPodManagerAbi, 'podOwnerDepositShares', [address]),
        call(EIGENLAYER.eigenPodManager, eigenPodManagerAbi, 'beaconChainSlashingFactor', [address]),
        call(EIGENLAYER.delegationManager, delegationManagerAbi, 'getQueuedWithdrawals', [address]),
      ]),
    ],
    opts,
  );
  const delayResult = first[0];
  const errors = new Map<number, string>();
  const rounds: FirstRound[] = [];
  wallets.forEach((wallet, index) => {
    const r = first.slice(1 + index * perWallet, 1 + (index + 1) * perWallet);
    try {
      const [strategies, shares] = must<[Address[], bigint[]]>(r[0], 'StrategyManager.getDeposits');
      const operator = must<Address>(r[1], 'DelegationManager.delegatedTo');
      const hasPod = must<boolean>(r[2], 'EigenPodManager.hasPod');
      const podAddress = must<Address>(r[3], 'EigenPodManager.getPod');
      const podShares = must<bigint>(r[4], 'EigenPodManager.podOwnerDepositShares');
      const factor = must<bigint>(r[5], 'EigenPodManager.beaconChainSlashingFactor');
      const [withdrawals, queuedShares] = must<[{ strategies: readonly Address[]; startBlock: number }[], bigint[][]]>(r[6], 'DelegationManager.getQueuedWithdrawals');
      rounds.push({
        walletId: wallet.walletId,
        staker: wallet.address,
        operator: same(operator, zeroAddress) ? null : operator,
        deposits: strategies.map((strategy, i) => ({ strategy, shares: shares[i] ?? 0n })).filter((d) => d.shares > 0n),
        pod: hasPod ? { address: podAddress, depositShares: podShares, slashingFactor: factor } : null,
        queued: withdrawals.map((w, i) => ({ strategies: [...w.strategies], startBlock: BigInt(w.startBlock), shares: queuedShares[i] ?? [] })),
      });
    } catch (cause) {
      errors.set(wallet.walletId, (cause as Error).message);
    }
  });

  // Round 2: withdrawable shares per staker, and every strategy's underlying token.
  const strategiesOf = (w: FirstRound): Address[] => [...w.deposits.map((d) => d.strategy), ...(w.pod && w.pod.depositShares !== 0n ? [BEACON] : [])];
  const distinct = [...new Set(rounds.flatMap((w) => [...w.deposits.map((d) => d.strategy), ...w.queued.flatMap((q) => q.strategies)]).filter((s) => !same(s, BEACON)).map((s) => s.toLowerCase()))] as Address[];
  const active = rounds.filter((w) => strategiesOf(w).length > 0);
  const second = await multicall(
    evm,
    [
      ...active.map((w) => call(EIGENLAYER.delegationManager, delegationManagerAbi, 'getWithdrawableShares', [w.staker, strategiesOf(w)])),
      ...distinct.map((s) => call(s, strategyAbi, 'underlyingToken')),
    ],
    opts,
  );
  const withdrawable = new Map<number, CallResult>(active.map((w, i) => [w.walletId, second[i]!]));
  const underlyingOf = new Map<string, CallResult>(distinct.map((s, i) => [s, second[active.length + i]!]));

  // Round 3: shares → underlying, and the underlying tokens' symbol and decimals.
  const tokens = [...new Set([...underlyingOf.values()].filter((r) => r.ok).map((r) => (r.value as string).toLowerCase()))] as Address[];
  const conversions: { key: string; call: ContractCall }[] = [];
  const convert = (strategy: Address, shares: bigint) => {
    const key = `${strategy.toLowerCase()}:${shares}`;
    if (!conversions.some((c) => c.key === key)) conversions.push({ key, call: call(strategy, strategyAbi, 'sharesToUnderlyingView', [shares]) });
  };
  for (const w of rounds) {
    const shares = withdrawable.get(w.walletId);
    w.deposits.forEach((d, i) => {
      convert(d.strategy, d.shares);
      if (shares?.ok) convert(d.strategy, (shares.value as [bigint[], bigint[]])[0][i] ?? 0n);
    });
    for (const q of w.queued) q.strategies.forEach((s, i) => !same(s, BEACON) && convert(s, q.shares[i] ?? 0n));
  }
  const third = await multicall(
    evm,
    [...conversions.map((c) => c.call), ...tokens.flatMap((t) => [call(t, erc20Abi, 'symbol'), call(t, erc20Abi, 'decimals')])],
    opts,
  );
  const converted = new Map(conversions.map((c, i) => [c.key, third[i]!]));
  const assets = new Map<string, EigenAsset>();
  tokens.forEach((token, i) => {
    const symbol = third[conversions.length + 2 * i];
    const decimals = third[conversions.length + 2 * i + 1];
    assets.set(token, { token: getAddress(token), symbol: symbol?.ok ? String(symbol.value) : '?', decimals: decimals?.ok ? Number(decimals.value) : 18 });
  });
  const assetOf = (strategy: Address): EigenAsset => {
    if (same(strategy, BEACON)) return ETH;
    const underlying = underlyingOf.get(strategy.toLowerCase());
    if (!underlying?.ok) throw new Error(`Strategy ${strategy}.underlyingToken: ${underlying?.ok === false ? underlying.error : 'missing'}`);
    return assets.get((underlying.value as string).toLowerCase())!;
  };
  const underlying = (strategy: Address, shares: bigint): bigint =>
    same(strategy, BEACON) ? shares : must<bigint>(converted.get(`${strategy.toLowerCase()}:${shares}`), `Strategy ${strategy}.sharesToUnderlyingView`);
  const delay = delayResult?.ok ? BigInt(delayResult.value as number) : null;

  return wallets.map((wallet) => {
    const w = rounds.find((item) => item.walletId === wallet.walletId);
    if (!w) return { walletId: wallet.walletId, operator: null, rows: [], error: errors.get(wallet.walletId) ?? 'EigenLayer read failed' };
    try {
      const rows: EigenRow[] = [];
      const list = strategiesOf(w);
      const [withdrawableShares] = list.length ? must<[bigint[], bigint[]]>(withdrawable.get(w.walletId), 'DelegationManager.getWithdrawableShares') : [[]];
      w.deposits.forEach((d, i) => {
        const free = withdrawableShares[i] ?? 0n;
        rows.push({ kind: 'strategy', strategy: d.strategy, asset: assetOf(d.strategy), depositShares: d.shares, withdrawableShares: free, depositUnderlying: underlying(d.strategy, d.shares), withdrawableUnderlying: underlying(d.strategy, free) });
      });
      if (w.pod) {
        const podWithdrawable = w.pod.depositShares !== 0n ? (withdrawableShares[list.length - 1] ?? 0n) : 0n;
        const restaked = w.pod.depositShares > 0n ? (w.pod.depositShares * w.pod.slashingFactor) / WAD : 0n;
        rows.push({ kind: 'pod', pod: w.pod.address, asset: ETH, depositShares: w.pod.depositShares, slashingFactor: w.pod.slashingFactor, restakedWei: restaked, withdrawableShares: podWithdrawable });
      }
      for (const q of w.queued) {
        if (delay === null) throw new Error(`DelegationManager.minWithdrawalDelayBlocks: ${delayResult?.ok === false ? delayResult.error : 'missing'}`);
        q.strategies.forEach((s, i) => {
          const shares = q.shares[i] ?? 0n;
          // Completable once block.number > startBlock + delay (DelegationManager._completeQueuedWithdrawal).
          rows.push({ kind: 'withdrawal', strategy: s, asset: assetOf(s), shares, underlying: underlying(s, shares), startBlock: q.startBlock, completableBlock: q.startBlock + delay + 1n });
        });
      }
      return { walletId: w.walletId, operator: w.operator, rows, error: null };
    } catch (cause) {
      return { walletId: w.walletId, operator: w.operator, rows: [], error: (cause as Error).message };
    }
  });
}
