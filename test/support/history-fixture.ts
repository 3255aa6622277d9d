/**
 * Two refreshes' worth of snapshots written through the repos, 30 days apart, with known
 * balances and rates (for history, compare and export tests; integration and E2E):
 * - Ethereum (wallet 1, labelled with a formula and CSV metacharacters): ETH 2 → 1.5, wstETH 10
 *   held while its NAV grows, weETH 5 sold, rETH 3.333…3 bought, cbETH unreadable at the end;
 *   an EigenPod of 32 ETH delegated to an operator that allocates half of it to one set;
 * - Solana (wallet 2), read two minutes before each Ethereum refresh: JitoSOL 100 held.
 * ETH/USD 3,000 → 3,300 and SOL/USD 150 → 160 (Chainlink-style, 8 decimals).
 */
import type { StoredRate } from '../../electron/main/db/repos/rates.repo';
import type { BalanceRow } from '../../electron/main/db/repos/snapshots.repo';
import type { Services } from '../../electron/main/services';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';

export const DAY = 86_400;
export const T0 = Date.UTC(2026, 0, 5, 12, 0, 0) / 1000;
export const T1 = T0 + 30 * DAY;
export const SOLANA_LEAD = 120;
export const E18 = 10n ** 18n;
export const EVM_WALLET = '0x1111111111111111111111111111111111111111';
export const SOL_WALLET = '83wDqn8DFg5oh1WetQJwcyZySjxGkxWVKf3p39T6GMQH';
export const LABEL = '=SUM(1,2) "main"';
export const OPERATOR = '0x0000000000000000000000000000000000000Abc';
export const AVS = '0x0000000000000000000000000000000000000Def';

export const TOKENS = {
  wstETH: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
  weETH: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
  rETH: '0xae78736Cd615f374D3085123A210448E74Fc6393',
  cbETH: '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704',
  JitoSOL: 'J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn',
} as const;

export const RATES = {
  t0: { wstETH: 1_200_000_000_000_000_000n, rETH: 1_100_000_000_000_000_000n, weETH: 1_050_000_000_000_000_000n, cbETH: 1_080_000_000_000_000_000n, ethUsd: 300_000_000_000n, solUsd: 15_000_000_000n, JitoSOL: 1_150_000_000_000_000_000n },
  t1: { wstETH: 1_203_000_000_000_000_000n, rETH: 1_102_200_000_000_000_000n, weETH: 1_053_100_000_000_000_000n, cbETH: 1_081_000_000_000_000_000n, ethUsd: 330_000_000_000n, solUsd: 16_000_000_000n, JitoSOL: 1_160_000_000_000_000_000n },
};
export const WEETH_MARKET_T0 = 1_040_000_000_000_000_000n;
export const RETH_T1 = 3_333_333_333_333_333_333n;

const rate = (key: string, value: bigint, decimals: number, at: number): StoredRate => ({ key, value: value.toString(), decimals, updatedAt: at, source: `test fixture ${key}`, error: null });

function ethereumRates(r: (typeof RATES)['t0'], at: number, extra: StoredRate[] = []): StoredRate[] {
  return [
    rate('nav:wstETH', r.wstETH, 18, at),
    rate('nav:rETH', r.rETH, 18, at),
    rate('nav:weETH', r.weETH, 18, at),
    rate('nav:cbETH', r.cbETH, 18, at),
    rate('usd:ETH', r.ethUsd, 8, at),
    rate('usd:SOL', r.solUsd, 8, at),
    ...extra,
  ];
}

const token = (walletId: number, symbol: keyof typeof TOKENS, rawAmount: bigint | null, error: string | null = null) => ({
  walletId,
  tokenAddress: TOKENS[symbol],
  symbol,
  name: symbol,
  decimals: symbol === 'JitoSOL' ? 9 : 18,
  rawAmount,
  error,
});
const eth = (walletId: number, rawAmount: bigint) => ({ walletId, tokenAddress: null, symbol: 'ETH', name: 'Ether', decimals: 18, rawAmount, error: null });

const pod = (walletId: number) => ({
  walletId,
  kind: 'pod' as const,
  operator: OPERATOR,
  strategy: null,
  assetToken: null,
  assetSymbol: 'ETH',
  assetDecimals: 18,
  depositShares: (32n * E18).toString(),
  withdrawableShares: (32n * E18).toString(),
  depositUnderlying: (32n * E18).toString(),
  withdrawableUnderlying: (32n * E18).toString(),
  pod: '0x00000000000000000000000000000000000000aa',
  slashingFactor: E18.toString(),
  startBlock: null,
  completableBlock: null,
  error: null,
});

const HALF = { operator: OPERATOR, avs: AVS, setId: 0, strategy: EIGENLAYER.beaconChainEthStrategy, currentMagnitude: E18 / 2n, pendingDiff: 0n, effectBlock: 0, maxMagnitude: E18, slashable: true } as const;

export interface SeededHistory {
  evmWalletId: number;
  solWalletId: number;
}

export function seedHistory(services: Services): SeededHistory {
  const ctx = services.ctx;
  const [evm, sol] = ctx.repos.wallets.insertMany(
    [
      { kind: 'evm', address: EVM_WALLET, label: LABEL, ensName: null, ensResolvedAt: null },
      { kind: 'solana', address: SOL_WALLET, label: 'Sol', ensName: null, ensResolvedAt: null },
    ],
    T0 * 1000,
  );
  const w1 = evm!.id;
  const w2 = sol!.id;
  const write = (chain: 'ethereum' | 'solana', blockNumber: bigint, blockTime: number, balances: BalanceRow[], rates: StoredRate[], eigen = false) =>
    ctx.transaction(() => {
      const id = ctx.repos.snapshots.write({ chain, blockNumber, blockTime, fetchedAt: blockTime * 1000 + 5_000, rpcUrl: 'http://127.0.0.1:9', walletCount: 1, balances });
      ctx.repos.rates.insertAll(id, rates);
      if (eigen) {
        ctx.repos.eigen.insertAll(id, [pod(w1)]);
        ctx.repos.exposure.insertAllocations(id, [HALF], new Map());
      }
      return id;
    });
  const solana = (slot: bigint, at: number, nav: bigint) => write('solana', slot, at, [token(w2, 'JitoSOL', 100n * 10n ** 9n)], [rate('nav:JitoSOL', nav, 18, at)]);

  solana(300_000_000n, T0 - SOLANA_LEAD, RATES.t0.JitoSOL);
  write('ethereum', 21_000_000n, T0, [eth(w1, 2n * E18), token(w1, 'wstETH', 10n * E18), token(w1, 'weETH', 5n * E18), token(w1, 'rETH', 0n), token(w1, 'cbETH', 0n)], ethereumRates(RATES.t0, T0, [rate('market:weETH', WEETH_MARKET_T0, 18, T0)]), true);
  solana(306_480_000n, T1 - SOLANA_LEAD, RATES.t1.JitoSOL);
  write('ethereum', 21_216_000n, T1, [eth(w1, (3n * E18) / 2n), token(w1, 'wstETH', 10n * E18), token(w1, 'weETH', 0n), token(w1, 'rETH', RETH_T1), token(w1, 'cbETH', null, 'execution reverted')], ethereumRates(RATES.t1, T1), true);
  return { evmWalletId: w1, solWalletId: w2 };
}
