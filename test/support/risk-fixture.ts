/**
 * The Risk scenario on anvil (issue 11), on top of the exposure scenario (native stETH restaked
 * with operator A, 20 ezETH, 100 rsETH; USD at 3,000): upgradeability set on the REAL registry
 * addresses with EIP-1967 slots and our own admin mocks, a Uniswap v3 QuoterV2 mock at the real
 * QuoterV2 address with an ezETH/WETH pool, and a queued EigenLayer withdrawal. Each expected
 * figure in RISK_EXPECTED is worked out here from these inputs, independently of the code
 * under test.
 *
 * - ezETH token: proxy → ProxyAdmin → Safe 3 of 5; Renzo RestakeManager: proxy → an EOA
 *   (so Renzo's weakest control is the EOA); upgradeBetweenRefreshes gives ezETH a new
 *   implementation.
 * - rsETH token: proxy → a timelock of 10 days administering itself.
 * - EigenLayer DelegationManager: proxy → ProxyAdmin → Safe 2 of 3.
 * - Uniswap v3: ezETH/WETH pools at 0.01 % (2,000 / 1,990) and 0.05 % (100 / 100); no rsETH pool.
 * - Redeem queues at their registry addresses (shared/registry/exit-routes.ts): Renzo's
 *   WithdrawQueue with a 7-day cooldown and 100 ETH in its buffer, Kelp's LRTWithdrawalManager
 *   with 57,600 delay blocks (8 days), Lido's WithdrawalQueue with 1,000 stETH unfinalized.
 * - Every other registry contract of the protocols held gets plain code (no proxy, no owner), so
 *   no card is weakened by a contract the fixture simply did not install.
 */
import { createPublicClient, createTestClient, getAddress, http, pad, type Address, type Hex } from 'viem';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { LRT_PROTOCOLS } from '../../shared/registry/lrt-protocols';
import { UNISWAP_V3_QUOTER_V2, WETH } from '../../shared/registry/dex';
import { EIP1967_SLOTS } from '../../electron/main/chain/evm/upgradeability';
import { mainnetToken } from '../../shared/registry/evm-tokens';
import { ETH_MARKER, exitRouteOf } from '../../shared/registry/exit-routes';
import { RISK_CONTRACTS } from '../../shared/registry/risk-contracts';
import type { AnvilNode } from './anvil';
import { mineBlock, sendTx, setCode } from './evm-fixture';
import { compiled } from './solidity';
import { addQueuedWithdrawal } from './eigen-fixture';
import { E18, installExposureScenario, OP_A, STETH_STRATEGY, USER } from './exposure-fixture';

const at = (tag: string) => getAddress(`0x7a5c${tag.padStart(36, '0')}`);
export const RISK_ACTORS = {
  implA: at('c1'),
  implB: at('c2'),
  renzoProxyAdmin: at('d1'),
  eigenProxyAdmin: at('d2'),
  renzoSafe: at('e1'),
  eigenSafe: at('e2'),
  kelpTimelock: at('e3'),
  renzoEoa: at('f1'),
  safeOwners: [at('f2'), at('f3'), at('f4'), at('f5'), at('f6')],
} as const;

const EZETH = mainnetToken('ezETH')!.address;
const RSETH = mainnetToken('rsETH')!.address;
const RESTAKE_MANAGER = (LRT_PROTOCOLS.find((item) => item.protocol === 'Renzo')!.discovery as { contract: Address }).contract;
const TEN_DAYS = 10 * 24 * 60 * 60;
const SEVEN_DAYS = 7 * 24 * 60 * 60;
const KELP_DELAY_BLOCKS = 57_600n;
/** The contract a route reads a parameter from, as the registry has it. */
const paramContract = (symbol: string, id: string) => exitRouteOf(symbol)!.params.find((param) => param.id === id)!.contract;

/** Uniswap v3 pools the quoter mock answers for: [fee, reserve of ezETH, reserve of WETH]. */
const EZETH_POOLS: readonly (readonly [number, bigint, bigint])[] = [
  [100, 2_000n * E18, 1_990n * E18],
  [500, 100n * E18, 100n * E18],
];
const QUEUED = { shares: 4n * E18, startBlockBack: 10 };

async function readCode(node: AnvilNode, address: Address): Promise<Hex> {
  const client = createPublicClient({ transport: http(node.url, { retryCount: 0 }) });
  return (await client.getCode({ address })) ?? '0x';
}

async function setSlot(node: AnvilNode, address: Address, slot: Hex, value: Address): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(node.url, { retryCount: 0 }) });
  await test.setStorageAt({ address, index: slot, value: pad(value) });
}

const proxy = async (node: AnvilNode, address: Address, implementation: Address, admin: Address) => {
  await setSlot(node, address, EIP1967_SLOTS.implementation, implementation);
  await setSlot(node, address, EIP1967_SLOTS.admin, admin);
};

export async function installRiskScenario(node: AnvilNode): Promise<void> {
  await installExposureScenario(node);
  const a = RISK_ACTORS;
  for (const impl of [a.implA, a.implB]) await setCode(node, impl, 'MockERC20');
  for (const admin of [a.renzoProxyAdmin, a.eigenProxyAdmin]) await setCode(node, admin, 'MockOwned');
  for (const safe of [a.renzoSafe, a.eigenSafe]) await setCode(node, safe, 'MockSafe');
  await setCode(node, a.kelpTimelock, 'MockTimelock');
  const safeAbi = compiled('MockSafe').abi;
  const ownedAbi = compiled('MockOwned').abi;
  const timelockAbi = compiled('MockTimelock').abi;

  await proxy(node, EZETH, a.implA, a.renzoProxyAdmin);
  await sendTx(node, a.renzoProxyAdmin, ownedAbi, 'setOwner', [a.renzoSafe]);
  await sendTx(node, a.renzoSafe, safeAbi, 'setOwners', [a.safeOwners, 3n]);
  await proxy(node, RESTAKE_MANAGER, a.implA, a.renzoEoa);
  await proxy(node, RSETH, a.implA, a.kelpTimelock);
  await sendTx(node, a.kelpTimelock, timelockAbi, 'setMinDelay', [BigInt(TEN_DAYS)]);
  await sendTx(node, a.kelpTimelock, timelockAbi, 'setRole', [pad('0x00'), a.kelpTimelock, true]);
  await proxy(node, EIGENLAYER.delegationManager, a.implA, a.eigenProxyAdmin);
  await sendTx(node, a.eigenProxyAdmin, ownedAbi, 'setOwner', [a.eigenSafe]);
  await sendTx(node, a.eigenSafe, safeAbi, 'setOwners', [a.safeOwners.slice(0, 3), 2n]);

  const renzoQueue = paramContract('ezETH', 'coolDownPeriod');
  await setCode(node, renzoQueue, 'MockRenzoWithdrawQueue');
  await sendTx(node, renzoQueue, compiled('MockRenzoWithdrawQueue').abi, 'set', [BigInt(SEVEN_DAYS), ETH_MARKER, 100n * E18, 0n]);
  const kelpManager = paramContract('rsETH', 'withdrawalDelayBlocks');
  await setCode(node, kelpManager, 'MockKelpWithdrawalManager');
  await sendTx(node, kelpManager, compiled('MockKelpWithdrawalManager').abi, 'set', [KELP_DELAY_BLOCKS, ETH_MARKER, E18 / 100n]);

  const lidoQueue = paramContract('stETH', 'unfinalizedStETH');
  await setCode(node, lidoQueue, 'MockLidoWithdrawalQueue');
  await sendTx(node, lidoQueue, compiled('MockLidoWithdrawalQueue').abi, 'set', [1_000n * E18, 40n, false]);
  for (const contract of RISK_CONTRACTS.filter((entry) => ['Renzo', 'Kelp', 'Lido', 'EigenLayer'].includes(entry.protocol))) {
    if ((await readCode(node, contract.address)) === '0x') await setCode(node, contract.address, 'MockERC20');
  }

  await setCode(node, UNISWAP_V3_QUOTER_V2, 'MockQuoterV2');
  for (const [fee, ezeth, weth] of EZETH_POOLS) await sendTx(node, UNISWAP_V3_QUOTER_V2, compiled('MockQuoterV2').abi, 'setPool', [EZETH, WETH, fee, ezeth, weth]);

  const block = Number(await mineBlock(node));
  await addQueuedWithdrawal(
    node,
    { staker: USER, delegatedTo: OP_A, nonce: 0n, startBlock: block - QUEUED.startBlockBack, strategies: [STETH_STRATEGY], scaledShares: [QUEUED.shares] },
    [QUEUED.shares],
  );
  await mineBlock(node);
}

/** A new ezETH implementation: the next refresh must raise an implementation-changed alert. */
export async function upgradeBetweenRefreshes(node: AnvilNode): Promise<void> {
  await mineBlock(node); // keep the earlier block's state as it was (anvil_setStorageAt edits the latest block)
  await setSlot(node, EZETH, EIP1967_SLOTS.implementation, RISK_ACTORS.implB);
  await mineBlock(node);
}

/** x·y = k with the fee taken from the input, rounding down: what the quoter mock pays. */
const quote = (amountIn: bigint, fee: number, reserveIn: bigint, reserveOut: bigint) => {
  const inLessFee = (amountIn * BigInt(1_000_000 - fee)) / 1_000_000n;
  return (reserveOut * inLessFee) / (reserveIn + inLessFee);
};

function expectedDex(amountIn: bigint) {
  const best = EZETH_POOLS.map(([fee, ezeth, weth]) => ({ fee, out: quote(amountIn, fee, ezeth, weth), ezeth, weth })).sort((x, y) => (y.out > x.out ? 1 : y.out < x.out ? -1 : 0))[0]!;
  const referenceIn = 10n ** 15n; // 0.001 ezETH
  const referenceOut = quote(referenceIn, best.fee, best.ezeth, best.weth);
  const reference = amountIn * referenceOut;
  const numerator = (reference - best.out * referenceIn) * 1_000_000n;
  const impactPpm = Number(numerator / reference + (numerator % reference > 0n ? 1n : 0n));
  return { feeTier: best.fee, amountOut: best.out, priceImpactPpm: impactPpm };
}

const ezethDex = expectedDex(20n * E18);

/** What the Risk report and page must show for USER after one refresh. */
export const RISK_EXPECTED = {
  /** Each card's weakest control (and the ezETH token's own), with the line the page shows. */
  controls: {
    Renzo: { control: 'eoa', line: 'Upgradeable by an EOA', address: RISK_ACTORS.renzoEoa },
    Kelp: { control: 'timelock', line: 'Upgradeable after a 10-day timelock', minDelaySeconds: TEN_DAYS },
    EigenLayer: { control: 'multisig', line: 'Upgradeable by a 2-of-3 Safe, no timelock' },
    ezETH: { control: 'multisig', line: 'Upgradeable by a 3-of-5 Safe, no timelock' },
  },
  ezETH: {
    amount: 20n * E18,
    /** NAV 1.0 in the exposure scenario: redeeming pays 20 ETH (before any fee). */
    navValue: 20n * E18,
    dex: ezethDex,
    /** Exiting now on the DEX instead of redeeming: 20 ETH − the quote, and its USD at 3,000 (cents, truncated). */
    costNow: 20n * E18 - ezethDex.amountOut,
    costNowUsdCents: ((20n * E18 - ezethDex.amountOut) * 3_000n * 100n) / E18,
  },
  rsETH: { dexError: 'No Uniswap v3 pool', redeemMinSeconds: Number(KELP_DELAY_BLOCKS) * 12 },
  /** Renzo's cooldown read from chain; the buffer (100 ETH) covers 20 ETH. */
  ezETHRedeemMinSeconds: SEVEN_DAYS,
  queuedWithdrawal: { shares: QUEUED.shares, delayBlocks: 100_800, startBlockBack: QUEUED.startBlockBack },
  alert: { kind: 'implementation-changed', contract: EZETH, before: RISK_ACTORS.implA, after: RISK_ACTORS.implB },
} as const;
