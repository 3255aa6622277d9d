import { getAddress, parseAbi, type AbiFunction } from 'viem';
import { describe, expect, it } from 'vitest';
import { EVM_TOKENS } from '../../shared/registry/evm-tokens';
import { EXIT_ROUTES, exitRouteOf } from '../../shared/registry/exit-routes';
import { RISK_CONTRACTS } from '../../shared/registry/risk-contracts';

// A repository path at a commit, a documentation URL, or another registry entry (which carries one).
const CITED = /@[0-9a-f]{7}|https:\/\/|^registry: /;

describe('exit routes registry', () => {
  it('has one route for every Ethereum token and one for native EigenLayer positions', () => {
    const symbols = EXIT_ROUTES.map((route) => route.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    for (const token of EVM_TOKENS.filter((item) => item.chain === 'ethereum')) {
      expect(exitRouteOf(token.symbol)?.protocol, token.symbol).toBe(token.protocol);
    }
    expect(exitRouteOf('EigenLayer')?.kind).toBe('queue');
  });

  it('cites a source for every route, contract, param and documented wait', () => {
    for (const route of EXIT_ROUTES) {
      expect(route.sources.length, route.symbol).toBeGreaterThan(0);
      for (const source of route.sources) expect(source, route.symbol).toMatch(CITED);
      if (route.contract) expect(route.contract.source, route.symbol).toMatch(CITED);
      for (const param of route.params) expect(param.source, `${route.symbol}.${param.id}`).toMatch(CITED);
      if (route.documentedWait) {
        expect(route.documentedWait.source, route.symbol).toMatch(CITED);
        expect(route.documentedWait.asOf, route.symbol).toMatch(/^\d{4}-\d{2}-\d{2}/);
        const { minDays, maxDays } = route.documentedWait;
        if (minDays !== null && maxDays !== null) expect(minDays).toBeLessThanOrEqual(maxDays);
      }
      // A route that verified nothing says what was not found.
      if (!route.contract || !route.documentedWait) expect(route.notFound.length, route.symbol).toBeGreaterThan(0);
    }
  });

  it('uses checksummed addresses and parseable single-function view signatures', () => {
    for (const route of EXIT_ROUTES) {
      if (route.contract) expect(getAddress(route.contract.address), route.symbol).toBe(route.contract.address);
      const ids = route.params.map((param) => param.id);
      expect(new Set(ids).size, route.symbol).toBe(ids.length);
      for (const param of route.params) {
        expect(getAddress(param.contract), param.id).toBe(param.contract);
        const abi = parseAbi([param.signature]);
        expect(abi).toHaveLength(1);
        const fn = abi[0] as AbiFunction;
        expect(fn.stateMutability, param.id).toBe('view');
        expect(fn.inputs.length, param.id).toBe(param.args?.length ?? 0);
        expect(param.pick === undefined ? fn.outputs.length : param.pick < fn.outputs.length, param.id).toBe(param.pick === undefined ? 1 : true);
        for (const arg of param.args ?? []) expect(arg.startsWith('0x') ? getAddress(arg) === arg : /^\d+$/.test(arg), `${param.id} ${arg}`).toBe(true);
      }
    }
  });

  it('waits only on params the route reads, of the right unit', () => {
    for (const route of EXIT_ROUTES) {
      const unitOf = (id: string) => route.params.find((param) => param.id === id)?.unit;
      const { wait } = route;
      if (wait.type === 'delay') {
        expect(unitOf(wait.param), route.symbol).toBe(wait.unit);
        if (wait.buffer) expect(unitOf(wait.buffer), route.symbol).toBe('wei');
      }
      if (wait.type === 'buffer') expect(unitOf(wait.param), route.symbol).toBe('wei');
      if (wait.type === 'buffer' && wait.otherwise === 'documented') expect(route.documentedWait, route.symbol).not.toBeNull();
    }
  });

  it('unwraps to a route of the same protocol that is not itself an unwrap', () => {
    const unwraps = EXIT_ROUTES.filter((route) => route.kind === 'unwrap-then');
    expect(unwraps.map((route) => route.symbol).sort()).toEqual(['weETH', 'wstETH']);
    for (const route of unwraps) {
      if (route.kind !== 'unwrap-then') continue;
      const target = exitRouteOf(route.unwrapTo);
      expect(target?.protocol).toBe(route.protocol);
      expect(target?.kind).not.toBe('unwrap-then');
    }
  });

  it('lists every withdrawal contract of the risk registry as a route contract or param contract', () => {
    const known = new Set(EXIT_ROUTES.flatMap((route) => [route.contract?.address, ...route.params.map((param) => param.contract)]).filter(Boolean));
    for (const entry of RISK_CONTRACTS.filter((item) => item.role === 'withdraw' && item.protocol !== 'EigenLayer')) {
      expect(known.has(entry.address), entry.name).toBe(true);
    }
  });
});
