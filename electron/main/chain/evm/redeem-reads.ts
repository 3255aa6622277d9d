/**
 * Reads the exit-route view functions (shared/registry/exit-routes.ts) at a pinned block in
 * one multicall. A view shared by several routes (stETH and wstETH) is called once. Each call
 * may fail on its own and becomes that param's error; a transport failure rejects.
 */
import { parseAbi, type Abi } from 'viem';
import type { ParamRead } from '../../../../shared/domain/redeem-wait';
import type { ExitRoute, RedeemParam } from '../../../../shared/registry/exit-routes';
import type { EvmClient } from './client';
import { multicall, type CallResult, type ContractCall } from './multicall';

export type { ParamRead };

export interface RedeemParams {
  /** The route's key: its registry symbol (exit routes are one per symbol). */
  routeId: string;
  symbol: string;
  blockNumber: bigint;
  params: Record<string, ParamRead>;
}
export type RouteParamsRead = RedeemParams;

const keyOf = (param: RedeemParam) => `${param.contract.toLowerCase()}|${param.signature}|${(param.args ?? []).join(',')}`;
const argOf = (arg: string): unknown => (arg.startsWith('0x') ? arg : BigInt(arg));

function toCall(param: RedeemParam): ContractCall {
  const abi = parseAbi([param.signature]) as Abi;
  const functionName = (abi[0] as { name: string }).name;
  return { address: param.contract, abi, functionName, args: (param.args ?? []).map(argOf) };
}

function toRead(param: RedeemParam, result: CallResult | undefined): ParamRead {
  if (!result) return { ok: false, error: 'no result' };
  if (!result.ok) return result;
  const raw = param.pick === undefined ? result.value : (result.value as readonly unknown[])[param.pick];
  if (typeof raw === 'boolean') return param.unit === 'flag' ? { ok: true, value: raw } : { ok: false, error: `${param.id}: expected a number, got a bool` };
  if (typeof raw === 'bigint' || typeof raw === 'number') return param.unit === 'flag' ? { ok: false, error: `${param.id}: expected a bool` } : { ok: true, value: BigInt(raw) };
  return { ok: false, error: `${param.id}: unexpected value ${String(raw)}` };
}

export async function readRedeemParams(evm: EvmClient, blockNumber: bigint, routes: readonly ExitRoute[]): Promise<RedeemParams[]> {
  const unique = new Map<string, RedeemParam>();
  for (const route of routes) for (const param of route.params) if (!unique.has(keyOf(param))) unique.set(keyOf(param), param);
  const keys = [...unique.keys()];
  const results = keys.length ? await multicall(evm, keys.map((key) => toCall(unique.get(key)!)), { blockNumber }) : [];
  const byKey = new Map(keys.map((key, index) => [key, results[index]]));
  return routes.map((route) => ({
    routeId: route.symbol,
    symbol: route.symbol,
    blockNumber,
    params: Object.fromEntries(route.params.map((param) => [param.id, toRead(param, byKey.get(keyOf(param)))])),
  }));
}
