/**
 * Native EigenLayer positions through the production refresh, against stand-ins at the real
 * mainnet core addresses with odd, non-round state. Expected values were computed
 * independently with Python's exact integers (shown next to each).
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { addQueuedWithdrawal, installStrategy, setEigenDeposits, setOperator, setPod, setWithdrawable } from '../support/eigen-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { openTempApp } from '../support/temp-app';

const DAVE = getAddress('0xda7e000000000000000000000000000000000da7');
const ERIN = getAddress('0xe1e1000000000000000000000000000000000e1e');
const OPERATOR = getAddress('0x0fe0000000000000000000000000000000000fe0');
const POD = getAddress('0x9090000000000000000000000000000000000909');
// Strategy proxies from the eigenlayer-contracts README (see shared/registry/eigenlayer.ts notes).
const STETH_STRATEGY = getAddress('0x93c4b944D05dfe6df7645A86cd2206016c51564D');
const CBETH_STRATEGY = getAddress('0x54945180dB7943c0ed0FEE7EdaB2Bd24620256bc');
const token = (symbol: string) => tokensOn('ethereum').find((item) => item.symbol === symbol)!.address;

let nodes: EvmNodes;
beforeAll(async () => {
  nodes = await startEvmChains();
  const node = nodes.ethereum;
  await installStrategy(node, STETH_STRATEGY, token('stETH'), 1_037_654_321_987_654_321n, 10n ** 18n);
  await installStrategy(node, CBETH_STRATEGY, token('cbETH'), 1_000_000_007n, 1_000_000_000n);
  // Withdrawable below deposit shares: the operator was slashed.
  await setEigenDeposits(node, DAVE, [{ strategy: STETH_STRATEGY, depositShares: 5_000_000_000_000_000_123n, withdrawableShares: 4_750_000_000_000_000_117n }]);
  await setOperator(node, DAVE, OPERATOR);
  await setPod(node, DAVE, POD, 64_000_000_000_000_000_000n, 987_654_321_000_000_000n);
  await setWithdrawable(node, DAVE, EIGENLAYER.beaconChainEthStrategy, 63_209_876_544_000_000_000n, 64_000_000_000_000_000_000n);
  await addQueuedWithdrawal(
    node,
    { staker: DAVE, delegatedTo: OPERATOR, nonce: 3n, startBlock: 5, strategies: [CBETH_STRATEGY], scaledShares: [1_500_000_000_000_000_001n] },
    [1_500_000_000_000_000_001n],
  );
});
afterAll(() => stopEvmChains(nodes));

describe('native EigenLayer positions', () => {
  it('reads deposits, withdrawable shares after slashing, the pod and queued withdrawals exactly', async () => {
    const app = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await app.services.wallets.add(DAVE, 'Restaker');
    await app.services.wallets.add(ERIN);
    const summary = await app.services.refresh.run(['ethereum']);
    expect(summary.chains[0]).toMatchObject({ status: 'ok' });
    const portfolio = app.services.portfolio.get();
    const dave = portfolio.wallets.find((wallet) => wallet.address === DAVE)!.id;
    const rows = portfolio.eigenlayer.filter((row) => row.walletId === dave);
    const snapshot = portfolio.chains.find((chain) => chain.chain === 'ethereum')!.snapshot!;

    expect(rows.find((row) => row.kind === 'strategy')).toMatchObject({
      operator: OPERATOR,
      strategy: STETH_STRATEGY,
      assetToken: token('stETH'),
      assetSymbol: 'stETH',
      assetDecimals: 18,
      depositShares: '5000000000000000123',
      withdrawableShares: '4750000000000000117',
      depositUnderlying: '5188271609938271732', // 5000000000000000123 * 1037654321987654321 // 10**18
      withdrawableUnderlying: '4928858029441358146', // 4750000000000000117 * 1037654321987654321 // 10**18
      blockNumber: snapshot.blockNumber,
    });
    expect(rows.find((row) => row.kind === 'pod')).toMatchObject({
      pod: POD,
      assetSymbol: 'ETH',
      depositShares: '64000000000000000000',
      slashingFactor: '987654321000000000',
      depositUnderlying: '63209876544000000000', // 64e18 * 987654321e9 // 1e18
      withdrawableUnderlying: '63209876544000000000',
    });
    const withdrawal = rows.find((row) => row.kind === 'withdrawal')!;
    expect(withdrawal).toMatchObject({
      strategy: CBETH_STRATEGY,
      assetSymbol: 'cbETH',
      withdrawableShares: '1500000000000000001',
      withdrawableUnderlying: '1500000010500000001', // 1500000000000000001 * 1000000007 // 10**9
      startBlock: '5',
      completableBlock: '100806', // completable once block > 5 + 100800
    });
    expect(withdrawal.completableAtEstimate).toBe(snapshot.blockTime + (100_806 - Number(snapshot.blockNumber)) * 12);
    expect(rows.every((row) => row.source.includes('eigenlayer-contracts'))).toBe(true);

    const erin = portfolio.wallets.find((wallet) => wallet.address === ERIN)!.id;
    expect(portfolio.eigenlayer.filter((row) => row.walletId === erin)).toEqual([]);
    app.close();
  });

  it('keeps balances in two HTTP requests when no wallet restakes; a restaker adds two EigenLayer rounds, one for its operator\'s allocations and one event scan', async () => {
    const plain = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await plain.services.wallets.add(ERIN);
    const quiet = (await plain.services.refresh.run(['ethereum'])).chains[0]!;
    expect(quiet).toMatchObject({ status: 'ok', httpRequests: 2 });
    plain.close();
    const restaker = openTempApp({ rpcOverrides: rpcOverrides(nodes) });
    await restaker.services.wallets.add(DAVE);
    const busy = (await restaker.services.refresh.run(['ethereum'])).chains[0]!;
    expect(busy).toMatchObject({ status: 'ok', httpRequests: 6 });
    restaker.close();
  });
});
