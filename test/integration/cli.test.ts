/** The CLI as a script would use it: a child process, exit codes, stdout and stderr. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensOn } from '../../shared/registry/evm-tokens';
import { setTokenBalance } from '../support/evm-fixture';
import { rpcOverrides, startEvmChains, stopEvmChains, type EvmNodes } from '../support/evm-chains';
import { makeTempDir } from '../support/temp-app';

const CAROL = getAddress('0xca4010000000000000000000000000000000ca40');
/** CAROL with the case of its first checksummed letter flipped: a typo EIP-55 catches. */
const CAROL_TYPO = CAROL.replace(/[a-fA-F]/, (letter) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()));
let nodes: EvmNodes;
let dataDir: string;
let rpcArgs: string[];

beforeAll(async () => {
  nodes = await startEvmChains();
  dataDir = makeTempDir('slashboard-cli-');
  rpcArgs = [...Object.entries(rpcOverrides(nodes)).flatMap(([chain, urls]) => ['--rpc', `${chain}=${urls[0]}`]), '--price-api', 'http://127.0.0.1:9'];
  const weeth = tokensOn('ethereum').find((token) => token.symbol === 'weETH')!;
  await setTokenBalance(nodes.ethereum, weeth.address, CAROL, 10_000_000_000_000_000_001n);
});
afterAll(async () => {
  await stopEvmChains(nodes);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/main/cli/index.ts', '--data-dir', dataDir, ...rpcArgs, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each case spawns several real CLI processes (tsx compiles on start): seconds each on a loaded 2-core machine. */
const SPAWNS_TIMEOUT = 180_000;

describe('cli', () => {
  it('adds, lists, refreshes and reports', () => {
    expect(cli('wallets', 'add', CAROL.toLowerCase(), '--label', 'Carol')).toMatchObject({ code: 0, stdout: `Added evm wallet ${CAROL} "Carol"\n` });
    const list = JSON.parse(cli('wallets', 'list', '--json').stdout) as { address: string; label: string }[];
    expect(list.map((wallet) => [wallet.address, wallet.label])).toEqual([[CAROL, 'Carol']]);

    const refresh = cli('refresh', '--chain', 'ethereum');
    expect(refresh.code).toBe(0);
    // Two for the balances; one more because Carol holds weETH: the look-through reads ether.fi's restaker on EigenLayer.
    // Then the risk reads of ether.fi and EigenLayer's contracts, and the yield history.
    expect(refresh.stdout).toMatch(/^ethereum: block \d+, \d+ balances \(0 failed\), 3 HTTP requests \(\+\d+ for risk reads\) \(\+\d+ for yield history\)$/m);
    expect(refresh.stderr).toMatch(/ethereum: calls \d+\/\d+/);

    const report = JSON.parse(cli('report', '--json').stdout);
    expect(report.schemaVersion).toBe(1);
    const weeth = report.positions.find((position: { symbol: string; chain: string }) => position.symbol === 'weETH' && position.chain === 'ethereum');
    expect(weeth).toMatchObject({
      wallet: CAROL,
      walletLabel: 'Carol',
      tokenAddress: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
      decimals: 18,
      rawAmount: '10000000000000000001',
      amount: '10.000000000000000001',
      error: null,
    });
    expect(weeth.block).toMatch(/^\d+$/);
    expect(Date.parse(weeth.timestamp)).toBeGreaterThan(0);
    expect(weeth.source).toMatch(/Multicall3/);
    expect(report.chains.find((chain: { chain: string }) => chain.chain === 'ethereum')).toMatchObject({ stale: false, error: null });
    // No NAV source answers on this chain: the yield says the rate could not be read, never a made-up number.
    const weethYield = report.yield.positions.find((position: { symbol: string; chain: string }) => position.symbol === 'weETH' && position.chain === 'ethereum');
    expect(report.yield.reference).toBe('wstETH');
    expect(weethYield.windows.map((window: { windowDays: number }) => window.windowDays)).toEqual([7, 30, 90]);
    expect(weethYield.windows[0].blended).toEqual({ value: null, missing: expect.stringMatching(/^weETH rate could not be read at the latest refresh: /) });
  }, SPAWNS_TIMEOUT);

  it('imports a CSV, reporting the bad line and exiting non-zero', () => {
    const file = path.join(dataDir, 'import.csv');
    fs.writeFileSync(file, 'address,label\nbc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4,Cold\nnot-an-address,Oops\n');
    const result = cli('wallets', 'import', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Imported 1 wallet(s); 1 line(s) rejected');
    expect(result.stdout).toMatch(/line 3: Not a recognised address/);
    expect(cli('wallets', 'import', path.join(dataDir, 'missing.csv'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^slashboard: Cannot read .*ENOENT/) });
  }, SPAWNS_TIMEOUT);

  it('prints one clear error line on stderr with a non-zero exit code', () => {
    const bad = cli('wallets', 'add', CAROL_TYPO);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('slashboard: EVM address has a wrong EIP-55 checksum (mixed case that does not match); check for a typo\n');
    expect(cli('refresh', '--chain', 'dogecoin')).toMatchObject({ code: 2, stderr: 'slashboard: Unknown chain "dogecoin"\n' });
    expect(cli('--rpc', 'ethereum=ftp://x', 'wallets', 'list')).toMatchObject({ code: 2, stderr: expect.stringMatching(/not an http\(s\) URL/) });
    expect(cli('bogus')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^slashboard: Unknown command "bogus"/) });
  }, SPAWNS_TIMEOUT);

  it('removes a wallet by address', () => {
    expect(cli('wallets', 'remove', CAROL.toLowerCase())).toMatchObject({ code: 0, stdout: `Removed ${CAROL} and its stored balances\n` });
    expect(cli('wallets', 'remove', CAROL)).toMatchObject({ code: 1, stderr: `slashboard: No wallet ${CAROL} in the list\n` });
  }, SPAWNS_TIMEOUT);
});
