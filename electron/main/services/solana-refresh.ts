/**
 * Solana refresh: every Solana wallet's SOL, registry SPL tokens (Token and Token-2022),
 * Jito VRTs and native stake accounts, the NAV of each stake-pool token from its pool
 * account and of each VRT from its vault, and Jito's MEV statistics, stored as one snapshot
 * (chain 'solana', block_number = the pinned slot) in one transaction. Any failed read fails
 * the chain, which keeps its last good snapshot, marked stale with the error.
 */
import type { RefreshChainOutcome } from '../../../shared/ipc/schemas';
import { SOLANA_LSTS, SOLANA_TOKEN_PROGRAMS, type SolanaLst } from '../../../shared/registry/solana-tokens';
import { decodeStakePool, type StakePoolState } from '../../../shared/domain/solana/stake-pool';
import { stakeActivation } from '../../../shared/domain/solana/stake-account';
import { slotToggleState } from '../../../shared/domain/solana/jito-vault';
import { YIELD_WINDOWS_DAYS } from '../../../shared/domain/yield';
import { createSolanaClient, type SolanaClient } from '../chain/solana/rpc-client';
import { pinSlot, readRawAccounts, readSolBalance, readStakeAccounts, readTokenBalances } from '../chain/solana/accounts';
import { findVaultByVrtMint, readVaultEpochLength, readVaultLinks, type HeldVault } from '../chain/solana/vaults';
import { fetchStakePoolStats } from '../chain/solana/jito-kobe';
import type { BalanceRow } from '../db/repos/snapshots.repo';
import type { JitoStatsRow, StakeAccountRow, VaultLinkRow } from '../db/repos/solana.repo';
import type { StoredRate } from '../db/repos/rates.repo';
import { isStakeAccountRow, poolFeeRate, poolNavRate, stakeRowAddress, supportedTokenOf, vrtNavRate, vrtSymbol } from './solana-rates';
import type { AppContext } from './context';
import type { SettingsService } from './settings.service';
import { failNetwork } from './refresh-failure';
import { assertNotBehind } from './snapshot-floor';
import { screenBalance, screenRates } from '../../../shared/domain/sanity-screen';
import { checkBalance, checkNativeBalance } from '../../../shared/domain/sanity';

/** At most this many unknown mints per refresh are checked for being a Jito VRT (spam tokens are common). */
const MAX_VRT_PROBES = 16;
const JITO_SYMBOL = 'JitoSOL';

type PoolToken = SolanaLst & { nav: { type: 'spl-stake-pool'; pool: string; program: string } };

interface WalletRead {
  walletId: number;
  address: string;
  lamports: bigint;
  tokens: Map<string, { raw: bigint; decimals: number }>;
  stakes: StakeAccountRow[];
  stakeBalances: BalanceRow[];
}

async function readWallet(client: SolanaClient, wallet: { walletId: number; address: string }, epoch: bigint): Promise<WalletRead> {
  const [lamports, classic, token2022, stakeAccounts] = await Promise.all([
    readSolBalance(client, wallet.address),
    readTokenBalances(client, wallet.address, SOLANA_TOKEN_PROGRAMS.token),
    readTokenBalances(client, wallet.address, SOLANA_TOKEN_PROGRAMS.token2022),
    readStakeAccounts(client, wallet.address),
  ]);
  const stakes = stakeAccounts.map((account): StakeAccountRow => ({
    walletId: wallet.walletId,
    pubkey: account.pubkey,
    lamports: account.lamports.toString(),
    state: stakeActivation(account, epoch),
    delegatedStake: account.delegation?.stake.toString() ?? null,
    voter: account.delegation?.voter ?? null,
    activationEpoch: account.delegation?.activationEpoch.toString() ?? null,
    deactivationEpoch: account.delegation?.deactivationEpoch.toString() ?? null,
    staker: account.staker,
    withdrawer: account.withdrawer,
    epoch: epoch.toString(),
  }));
  const stakeBalances = stakes.map((stake): BalanceRow => ({
    walletId: wallet.walletId,
    tokenAddress: stakeRowAddress(stake.pubkey),
    symbol: 'SOL',
    name: `Stake account (${stake.state})`,
    decimals: 9,
    rawAmount: BigInt(stake.lamports),
    error: null,
  }));
  return { ...wallet, lamports, tokens: new Map([...classic, ...token2022]), stakes, stakeBalances };
}

export async function refreshSolana(ctx: AppContext, settings: SettingsService): Promise<RefreshChainOutcome> {
  const chain = 'solana' as const;
  const wallets = ctx.repos.wallets.listByKind('solana').map((wallet) => ({ walletId: wallet.id, address: wallet.address }));
  if (wallets.length === 0) return { chain, status: 'skipped', reason: 'No Solana wallets to refresh' };
  const urls = settings.rpcUrls(chain);
  const client = createSolanaClient(urls, ctx.httpOptions);
  const progress = (phase: 'started' | 'calls' | 'history' | 'done', done: number, total: number) => ctx.events.emit('refresh.progress', { chain, phase, done, total });
  progress('started', 0, wallets.length + 2);
  try {
    const pinned = await pinSlot(client);
    assertNotBehind(ctx, chain, pinned.slot, `The Solana RPC endpoint ${new URL(client.stats.lastUrl ?? urls[0]!).host}`);
    let done = 0;
    const reads = await Promise.all(wallets.map((wallet) => readWallet(client, wallet, pinned.epoch).then((read) => (progress('calls', ++done, wallets.length + 2), read))));

    // Mints held that the registry does not know: a Jito VRT is found by its vault.
    const known = new Set(SOLANA_LSTS.map((token) => token.mint));
    const heldMints = new Set(reads.flatMap((read) => [...read.tokens].filter(([, held]) => held.raw > 0n).map(([mint]) => mint)));
    const unknown = [...heldMints].filter((mint) => !known.has(mint)).sort();
    const probed = await Promise.all(
      unknown.slice(0, MAX_VRT_PROBES).map(async (mint): Promise<[string, HeldVault] | null> => {
        const vault = await findVaultByVrtMint(client, mint);
        return vault ? [mint, { ...vault, ...(await readVaultLinks(client, vault.address)) }] : null;
      }),
    );
    const vaults = new Map(probed.filter((entry) => entry !== null));
    // Only the pools of tokens held (directly or under a vault) are read: each one priced is one that matters.
    const wanted = new Set([...heldMints, ...[...vaults.values()].map((vault) => vault.state.supportedMint)]);
    const pools = SOLANA_LSTS.filter((token): token is PoolToken => token.nav.type === 'spl-stake-pool' && wanted.has(token.mint));
    const [poolAccounts, epochLength] = await Promise.all([
      readRawAccounts(client, pools.map((token) => token.nav.pool)),
      vaults.size > 0 ? readVaultEpochLength(client) : Promise.resolve(null),
    ]);
    const poolStates = new Map<string, StakePoolState>();
    pools.forEach((token, index) => poolStates.set(token.symbol, decodePool(token, poolAccounts[index] ?? null)));
    progress('calls', wallets.length + 1, wallets.length + 2);

    const rates: StoredRate[] = [];
    const rpcUrl = client.stats.lastUrl ?? urls[0]!;
    // Out-of-bounds NAVs are stored as suspect (shared/domain/sanity.ts), pool NAVs before a VRT's is built on them.
    const screen = (items: StoredRate[]) => screenRates(items, { now: pinned.blockTime, previous: (key) => ctx.repos.rates.latestGood(chain, key), defaultUnit: 'SOL' });
    for (const token of pools) rates.push(...screen([poolNavRate(token, poolStates.get(token.symbol)!, pinned, rpcUrl), poolFeeRate(token, poolStates.get(token.symbol)!, pinned)]));
    for (const [mint, vault] of vaults) {
      const vrtDecimals = reads.find((read) => read.tokens.has(mint))!.tokens.get(mint)!.decimals;
      rates.push(...screen([vrtNavRate(mint, vrtDecimals, vault, supportedTokenOf(vault.state.supportedMint, SOLANA_LSTS, rates), pinned, rpcUrl)]));
    }

    // An impossible amount (negative, above the pool's or vault's token supply, above all SOL) fails its position.
    const supplyOf = (mint: string): bigint | null => {
      const pool = pools.find((token) => token.mint === mint);
      return pool ? (poolStates.get(pool.symbol)?.poolTokenSupply ?? null) : (vaults.get(mint)?.state.vrtSupply ?? null);
    };
    const checkRow = (row: BalanceRow): BalanceRow => screenBalance(row, (raw) => (row.tokenAddress === null || isStakeAccountRow(row.tokenAddress) ? checkNativeBalance(raw, 'SOL') : checkBalance(raw, supplyOf(row.tokenAddress))));
    const balances: BalanceRow[] = reads.flatMap((read): BalanceRow[] => [
      { walletId: read.walletId, tokenAddress: null, symbol: 'SOL', name: 'Solana', decimals: 9, rawAmount: read.lamports, error: null },
      ...SOLANA_LSTS.map((token) => ({ walletId: read.walletId, tokenAddress: token.mint, symbol: token.symbol, name: token.name, decimals: token.decimals, rawAmount: read.tokens.get(token.mint)?.raw ?? 0n, error: null })),
      ...[...vaults.keys()].filter((mint) => read.tokens.has(mint)).map((mint) => ({ walletId: read.walletId, tokenAddress: mint, symbol: vrtSymbol(mint), name: `Jito vault receipt token (vault ${vaults.get(mint)!.address})`, decimals: read.tokens.get(mint)!.decimals, rawAmount: read.tokens.get(mint)!.raw, error: null })),
      ...read.stakeBalances,
    ]).map(checkRow);
    const links: VaultLinkRow[] = [...vaults].flatMap(([mint, vault]) => [
      { vault: vault.address, kind: 'vrt' as const, address: mint, amount: vault.state.vrtSupply.toString(), state: null },
      ...vault.delegations.map((item) => ({ vault: vault.address, kind: 'operator' as const, address: item.operator, amount: item.delegationState.stakedAmount.toString(), state: 'delegated' })),
      ...vault.tickets.map((item) => ({ vault: vault.address, kind: 'ncn' as const, address: item.ncn, amount: null, state: epochLength ? slotToggleState(item.state, pinned.slot, epochLength) : 'unknown' })),
    ]);

    // Jito's MEV statistics, only when JitoSOL (or a vault over it) is held; never fails the chain.
    progress('history', 0, 0);
    const holdsJito = balances.some((row) => row.symbol === JITO_SYMBOL && (row.rawAmount ?? 0n) > 0n) || vaults.size > 0;
    const stats: JitoStatsRow[] = holdsJito ? await readJitoStats(settings.jitoApiBase(), pinned.blockTime, ctx) : [];

    ctx.transaction(() => {
      const snapshotId = ctx.repos.snapshots.write({ chain, blockNumber: pinned.slot, blockTime: pinned.blockTime, fetchedAt: ctx.now(), rpcUrl, walletCount: wallets.length, balances });
      ctx.repos.rates.insertAll(snapshotId, rates);
      ctx.repos.solana.insertAll(snapshotId, { stakes: reads.flatMap((read) => read.stakes), links, stats });
    });
    progress('done', balances.length, balances.length);
    return { chain, status: 'ok', blockNumber: pinned.slot.toString(), positions: balances.length, failedPositions: balances.filter((row) => row.error !== null).length, httpRequests: client.stats.httpRequests, riskRequests: 0, historyRequests: 0 };
  } catch (cause) {
    return failNetwork(ctx, chain, cause instanceof Error ? cause.message : String(cause));
  }
}

function decodePool(token: PoolToken, account: { owner: string; data: Uint8Array } | null): StakePoolState {
  const where = `${token.symbol} stake pool ${token.nav.pool}`;
  if (!account) throw new Error(`${where}: no such account on chain`);
  if (account.owner !== token.nav.program) throw new Error(`${where}: owned by ${account.owner}, not the stake-pool program ${token.nav.program}`);
  let state: StakePoolState;
  try {
    state = decodeStakePool(account.data);
  } catch (cause) {
    throw new Error(`${where}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (state.poolMint !== token.mint) throw new Error(`${where}: pool mint is ${state.poolMint}, not ${token.mint}`);
  if (state.poolTokenSupply === 0n || state.totalLamports === 0n) throw new Error(`${where}: empty pool (no tokens or no lamports), no rate`);
  return state;
}

async function readJitoStats(base: string, nowSeconds: number, ctx: AppContext): Promise<JitoStatsRow[]> {
  const source = `Jito Kobe API ${new URL(base).host} /api/v1/stake_pool_stats`;
  return Promise.all(
    YIELD_WINDOWS_DAYS.map(async (days): Promise<JitoStatsRow> => {
      const empty = { windowDays: days, fromTime: null, toTime: null, days: null, mevLamports: null, meanTvlLamports: null, publishedApy: null, publishedAt: null, source };
      try {
        const stats = await fetchStakePoolStats(base, days, nowSeconds, ctx.httpOptions);
        if (!stats) return { ...empty, error: `Jito has no stake-pool statistics for the last ${days} days` };
        return { windowDays: days, fromTime: stats.from, toTime: stats.to, days: stats.days, mevLamports: stats.aggregatedMevLamports.toString(), meanTvlLamports: stats.meanTvlLamports.toString(), publishedApy: stats.publishedApy, publishedAt: stats.publishedAt, source, error: null };
      } catch (cause) {
        return { ...empty, error: cause instanceof Error ? cause.message : String(cause) };
      }
    }),
  );
}

