/** Global command-line options shared by the CLI, browser mode and the Electron app. */
import { NETWORK_IDS, isNetworkId, type NetworkId } from '../../shared/registry/networks';
import { rpcUrlSchema } from '../../shared/ipc/schemas';
import { defaultDataDir } from './data-dir';
import path from 'node:path';

export interface GlobalOptions {
  dataDir: string;
  rpcOverrides: Partial<Record<NetworkId, string[]>>;
  port: number | undefined;
  priceApi: string | undefined;
  /** Candle API base URL (Binance-compatible klines) for this run. */
  candlesApi: string | undefined;
  /** Jito Kobe API base URL (stake-pool statistics) for this run. */
  jitoApi: string | undefined;
  /** Babylon staking API base URL for this run. */
  babylonApi: string | undefined;
  /** Arguments that are not global options, in order. */
  rest: string[];
}

export class UsageError extends Error {}

export function parseGlobalOptions(argv: readonly string[]): GlobalOptions {
  let dataDir: string | undefined;
  let port: number | undefined;
  let priceApi: string | undefined;
  let candlesApi: string | undefined;
  let jitoApi: string | undefined;
  let babylonApi: string | undefined;
  const rpcOverrides: Partial<Record<NetworkId, string[]>> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inlineValue ?? argv[++i];
      // An empty value would mean the current folder (--data-dir "") or nothing at all.
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--data-dir') dataDir = path.resolve(value());
    else if (flag === '--port') port = parsePort(value());
    else if (flag === '--rpc') addRpc(rpcOverrides, value());
    else if (flag === '--price-api') priceApi = parseUrl('--price-api', value());
    else if (flag === '--candles-api') candlesApi = parseUrl('--candles-api', value());
    else if (flag === '--jito-api') jitoApi = parseUrl('--jito-api', value());
    else if (flag === '--babylon-api') babylonApi = parseUrl('--babylon-api', value());
    else rest.push(arg);
  }
  return { dataDir: dataDir ?? defaultDataDir(), rpcOverrides, port, priceApi, candlesApi, jitoApi, babylonApi, rest };
}

/** The process-only overrides of the options, as the app context takes them. */
export function contextOverrides(options: GlobalOptions) {
  return {
    dataDir: options.dataDir,
    rpcOverrides: options.rpcOverrides,
    priceApiOverride: options.priceApi,
    candlesApiOverride: options.candlesApi,
    jitoApiOverride: options.jitoApi,
    babylonApiOverride: options.babylonApi,
  };
}

function addRpc(overrides: Partial<Record<NetworkId, string[]>>, spec: string): void {
  const at = spec.indexOf('=');
  const chain = spec.slice(0, at);
  const url = spec.slice(at + 1);
  if (at < 1 || !isNetworkId(chain)) throw new UsageError(`--rpc expects <chain>=<url> with chain one of ${NETWORK_IDS.join(', ')}`);
  const parsed = rpcUrlSchema.safeParse(url);
  if (!parsed.success) throw new UsageError(`--rpc ${chain}: "${url}" is not an http(s) URL`);
  (overrides[chain] ??= []).push(parsed.data);
}

function parseUrl(flag: string, url: string): string {
  const parsed = rpcUrlSchema.safeParse(url);
  if (!parsed.success) throw new UsageError(`${flag}: "${url}" is not an http(s) URL`);
  return parsed.data.replace(/\/+$/, '');
}

function parsePort(text: string): number {
  // Digits only: Number() would take "", " ", "0x50" and "1e3" as ports.
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${text}"`);
  return port;
}
