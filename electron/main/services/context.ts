/**
 * Everything a service needs, built once per process (Electron, browser mode, CLI, tests):
 * the database and its repos, the event bus, and how to reach each chain.
 */
import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { createWalletsRepo } from '../db/repos/wallets.repo';
import { createSettingsRepo } from '../db/repos/settings.repo';
import { createSnapshotsRepo } from '../db/repos/snapshots.repo';
import { createEigenRepo } from '../db/repos/eigen.repo';
import { createRatesRepo } from '../db/repos/rates.repo';
import { createHistoryRepo } from '../db/repos/history.repo';
import { createExposureRepo } from '../db/repos/exposure.repo';
import { createCandlesRepo } from '../db/repos/candles.repo';
import { createSolanaRepo } from '../db/repos/solana.repo';
import { createBitcoinRepo } from '../db/repos/bitcoin.repo';
import { createRiskRepo } from '../db/repos/risk.repo';
import { createEventBus } from './event-bus';
import type { NetworkId } from '../../../shared/registry/networks';
import type { EvmClientOptions } from '../chain/evm/client';
import type { HttpOptions } from '../chain/http/http-retry';

export interface ContextOptions extends OpenOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  /** RPC URLs that override Settings for this process only (CLI --rpc, tests). */
  rpcOverrides?: Partial<Record<NetworkId, string[]>>;
  evmClientOptions?: EvmClientOptions;
  /** Retry and timeout rules for the non-EVM HTTP adapters (tests: short waits). */
  httpOptions?: HttpOptions;
  /** Price API base URL for this process only (CLI --price-api, tests). */
  priceApiOverride?: string;
  /** Jito Kobe API base URL for this process only (tests: a loopback server). */
  jitoApiOverride?: string;
  /** Babylon staking API base URL for this process only (CLI --babylon-api, tests). */
  babylonApiOverride?: string;
  /** Candle API base URL for this process only (tests: a loopback server). */
  candlesApiOverride?: string;
  /** Tests only: let operator/AVS metadata come from http:// loopback servers (production is https only). */
  allowHttpMetadata?: boolean;
  now?: () => number;
}

/** Offline mode's second line: every fetch handed to an adapter refuses while the switch (settings 'network.offline') is on. */
function gatedFetch(isOffline: () => boolean, inner: typeof fetch = fetch): typeof fetch {
  return (input, init) => (isOffline() ? Promise.reject(new Error('offline mode is on: request not sent')) : inner(input, init));
}

export function createContext(options: ContextOptions) {
  const db: Database.Database = openDatabase(options.dataDir, options);
  const settings = createSettingsRepo(db);
  const isOffline = () => settings.get('network.offline') === true;
  return {
    db,
    dataDir: options.dataDir,
    mode: options.mode,
    /** For opening other SQLite files (backups) with the same native build as the database. */
    nativeBinding: options.nativeBinding,
    rpcOverrides: options.rpcOverrides ?? {},
    evmClientOptions: { ...options.evmClientOptions, fetchFn: gatedFetch(isOffline, options.evmClientOptions?.fetchFn) },
    httpOptions: { ...options.httpOptions, fetchFn: gatedFetch(isOffline, options.httpOptions?.fetchFn) },
    priceApiOverride: options.priceApiOverride ?? null,
    allowHttpMetadata: options.allowHttpMetadata ?? false,
    candlesApiOverride: options.candlesApiOverride ?? null,
    jitoApiOverride: options.jitoApiOverride ?? null,
    babylonApiOverride: options.babylonApiOverride ?? null,
    now: options.now ?? (() => Date.now()),
    events: createEventBus(),
    repos: {
      wallets: createWalletsRepo(db),
      settings,
      snapshots: createSnapshotsRepo(db),
      eigen: createEigenRepo(db),
      rates: createRatesRepo(db),
      history: createHistoryRepo(db),
      exposure: createExposureRepo(db),
      candles: createCandlesRepo(db),
      solana: createSolanaRepo(db),
      bitcoin: createBitcoinRepo(db),
      risk: createRiskRepo(db),
    },
    /** Runs repo writes as one SQLite transaction (nested repo transactions become savepoints). */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    schemaVersion: () => schemaVersion(db),
    close: () => db.close(),
  };
}

export type AppContext = ReturnType<typeof createContext>;
