/**
 * Slashing exposure from stored data only (works offline): each restaked position's stakes
 * (native EigenLayer rows; LRTs through their protocol's stakers) against the operators'
 * allocations at the latest Ethereum snapshot. Amounts are ETH wei; USD from the snapshot's
 * ETH/USD rate. Stress scenarios are computed on request; saved ones live in Settings.
 */
import { getAddress } from 'viem';
import { z } from 'zod';
import { concentration, disjointPairs, exposuresOf, sharedExposure, stressLoss, totalsBy, worstCases, WAD, type Exposure, type Stake } from '../../../shared/domain/exposure';
import { usdOf, valuePosition, type RateBook } from '../../../shared/domain/position-valuation';
import { convert } from '../../../shared/domain/valuation';
import { AppFailure } from '../../../shared/result';
import { scenarioSchema, type ExposedPosition, type ExposureReport, type NamesResult, type ScenarioDto, type StressResult } from '../../../shared/ipc/exposure-schemas';
import type { Portfolio, Position } from '../../../shared/ipc/schemas';
import { EIGENLAYER } from '../../../shared/registry/eigenlayer';
import { jitoExposure } from './jito-exposure';
import { babylonExposure } from './babylon-exposure';
import { assertOnline } from './offline';
import type { AppContext } from './context';
import type { EigenStoredRow } from '../db/repos/eigen.repo';
import { findToken, rateBook } from './portfolio-valuation';
import type { PortfolioService } from './portfolio.service';
import { lookThroughStakes } from './look-through';
import type { SettingsService } from './settings.service';
import { createEvmClient } from '../chain/evm/client';
import { describeRpcError } from '../chain/evm/errors';
import { readMetadataUris } from '../chain/evm/metadata-uris';
import { fetchMetadataName } from '../chain/metadata/fetch-name';

const SCENARIOS_KEY = 'exposure.scenarios';
const MAX_SCENARIOS = 50;

interface Graph {
  positions: ExposedPosition[];
  exposures: Exposure[];
  toUsd: (wei: bigint) => bigint | null;
  portfolioUsd: bigint | null;
  snapshot: { id: number; blockNumber: string; blockTime: number };
}

export function createExposureService(ctx: AppContext, portfolioService: PortfolioService, settings: SettingsService) {
  const savedScenarios = (): ScenarioDto[] => {
    const parsed = z.array(scenarioSchema).safeParse(ctx.repos.settings.get(SCENARIOS_KEY));
    return parsed.success ? parsed.data : [];
  };

  function graph(portfolio: Portfolio = portfolioService.get()): Graph | null {
    const snapshot = portfolio.chains.find((chain) => chain.chain === 'ethereum')?.snapshot;
    if (!snapshot) return null;
    const book = rateBook({ blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime, rates: ctx.repos.rates.forSnapshot(snapshot.id) });
    const usd = usdOf('ETH', book);
    const toUsd = (wei: bigint) => (usd.ok ? convert(wei, 18, usd.rate, 2) : null);

    const stakes: Stake[] = [];
    const positions: ExposedPosition[] = [];
    for (const row of portfolio.eigenlayer) {
      const native = nativeStake(row, book);
      if (!native) continue;
      positions.push({ id: native.id, walletId: row.walletId, source: 'eigenlayer', label: native.label, restaked: native.amount.toString(), slashable: '0', usdCents: toUsd(native.amount)?.toString() ?? null, note: native.note });
      if (row.operator) stakes.push({ positionId: native.id, operator: row.operator, strategy: native.strategy, amount: native.amount });
    }
    const lookThrough = lookThroughStakes(ctx, snapshot.id, portfolio.positions, book);
    stakes.push(...lookThrough.stakes);
    positions.push(...lookThrough.positions.map((position) => ({ ...position, usdCents: toUsd(BigInt(position.restaked))?.toString() ?? null })));

    const exposures = exposuresOf(stakes, ctx.repos.exposure.allocations(snapshot.id));
    for (const position of positions) {
      position.slashable = exposures.filter((exposure) => exposure.positionId === position.id).reduce((sum, exposure) => sum + exposure.amount, 0n).toString();
    }
    return { positions, exposures, toUsd, portfolioUsd: portfolioUsdCents(portfolio.positions, positions), snapshot };
  }

  return {
    /** `portfolio`: the caller's own portfolio.get(), so a caller that needs both computes it once. */
    get(portfolio: Portfolio = portfolioService.get()): ExposureReport {
      const g = graph(portfolio);
      const scan = ctx.repos.exposure.lastScan();
      const names = ctx.repos.exposure.names().flatMap((entry) => (entry.name ? [{ kind: entry.kind, address: entry.address, name: entry.name }] : []));
      const base = { scan, scenarios: savedScenarios(), alerts: alerts(ctx), names, jito: jitoExposure(ctx, portfolio), babylon: babylonExposure(ctx, portfolio) };
      if (!g) {
        return { ...base, asOf: null, positions: [], exposures: [], byAvs: [], byOperator: [], matrix: { ids: [], shared: [] }, disjointPairs: [], concentration: { largestAvs: null, largestOperator: null, hhiAvs: 0 }, worstCases: [], slashedBefore: [], operatorErrors: [] };
      }
      const { exposures, positions, toUsd, portfolioUsd, snapshot } = g;
      const total = (kind: 'avs' | 'operator', key: string, amount: bigint) => {
        const cents = toUsd(amount);
        return { kind, key: getAddress(key), amount: amount.toString(), usdCents: cents?.toString() ?? null, share: cents !== null && portfolioUsd ? Number((cents * 1_000_000n) / portfolioUsd) / 1_000_000 : null };
      };
      const totals = (kind: 'avs' | 'operator') => [...totalsBy(exposures, kind)].map(([key, amount]) => total(kind, key, amount)).sort((a, b) => (BigInt(b.amount) > BigInt(a.amount) ? 1 : -1));
      const ids = positions.map((position) => position.id);
      const conc = concentration(exposures, 0n);
      return {
        ...base,
        asOf: { blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime },
        positions,
        exposures: exposures.map((exposure) => ({
          ...exposure,
          operator: exposure.operator,
          amount: exposure.amount.toString(),
          usdCents: toUsd(exposure.amount)?.toString() ?? null,
          pendingAmount: exposure.pendingAmount?.toString() ?? null,
        })),
        byAvs: totals('avs'),
        byOperator: totals('operator'),
        matrix: { ids, shared: sharedExposure(exposures, ids) },
        disjointPairs: disjointPairs(exposures, ids),
        concentration: {
          largestAvs: conc.largestAvs ? total('avs', conc.largestAvs.key, conc.largestAvs.amount) : null,
          largestOperator: conc.largestOperator ? total('operator', conc.largestOperator.key, conc.largestOperator.amount) : null,
          hhiAvs: conc.hhiAvs,
        },
        worstCases: worstCases(exposures).map((item) => ({ ...item, target: getAddress(item.target), loss: item.loss.toString(), usdCents: toUsd(item.loss)?.toString() ?? null })),
        slashedBefore: ctx.repos.exposure
          .allocations(snapshot.id)
          .filter((row) => row.maxMagnitude < WAD)
          .map((row) => ({ operator: row.operator, strategy: row.strategy, maxMagnitude: row.maxMagnitude.toString() }))
          .filter((row, index, list) => list.findIndex((other) => other.operator === row.operator && other.strategy === row.strategy) === index),
        operatorErrors: ctx.repos.exposure.readErrors(snapshot.id),
      };
    },

    stress(scenario: ScenarioDto): StressResult {
      const g = graph();
      if (!g) throw new AppFailure('NOT_FOUND', 'No Ethereum snapshot yet: refresh first');
      const losses = stressLoss(g.exposures, scenario);
      const total = [...losses.values()].reduce((sum, value) => sum + value, 0n);
      return {
        scenario,
        losses: [...losses].map(([positionId, amount]) => ({ positionId, amount: amount.toString(), usdCents: g.toUsd(amount)?.toString() ?? null })),
        total: total.toString(),
        totalUsdCents: g.toUsd(total)?.toString() ?? null,
      };
    },

    /**
     * Names for the graph's operators and AVSs: the latest metadata URI events since the last
     * lookup (the first one scans from genesis, splitting ranges the RPC refuses), then each
     * new URI's JSON. On request only: on a strict public RPC the first scan is long.
     */
    async resolveNames(): Promise<NamesResult> {
      assertOnline(ctx, 'looking up operator and AVS names');
      const g = graph();
      if (!g) throw new AppFailure('NOT_FOUND', 'No Ethereum snapshot yet: refresh first');
      const operators = [...new Set(g.exposures.map((row) => getAddress(row.operator)))];
      const avss = [...new Set(g.exposures.map((row) => getAddress(row.avs)))];
      const evm = createEvmClient('ethereum', settings.rpcUrls('ethereum'), ctx.evmClientOptions);
      const head = BigInt(g.snapshot.blockNumber);
      const known = ctx.repos.exposure.names();
      const scannedTo = ctx.repos.exposure.metadataScannedTo();
      // An address never looked up needs the whole history; otherwise only blocks since the last scan.
      const wanted = [...operators.map((address) => ({ kind: 'operator' as const, address })), ...avss.map((address) => ({ kind: 'avs' as const, address }))];
      const unseen = wanted.some((item) => !known.some((entry) => entry.kind === item.kind && entry.address === item.address));
      const from = scannedTo === null || unseen ? 0n : BigInt(scannedTo) + 1n;
      let uris: Awaited<ReturnType<typeof readMetadataUris>> = [];
      try {
        if (from <= head) uris = await readMetadataUris(evm, operators, avss, from, head);
      } catch (cause) {
        throw new AppFailure('NETWORK', `Metadata events could not be read: ${describeRpcError(cause)}`);
      }
      for (const item of wanted) {
        const seen = known.some((entry) => entry.kind === item.kind && entry.address === item.address) || uris.some((uri) => uri.kind === item.kind && uri.address === item.address);
        if (!seen) ctx.repos.exposure.saveName({ ...item, uri: '', uriBlock: 0, name: null, error: 'no metadata URI published' }, ctx.now());
      }
      const failed: NamesResult['failed'] = [];
      let resolved = 0;
      for (const uri of uris) {
        const previous = known.find((entry) => entry.kind === uri.kind && entry.address === uri.address);
        if (previous && previous.uri === uri.uri && previous.name) continue;
        const result = await fetchMetadataName(uri.uri, { allowHttp: ctx.allowHttpMetadata });
        ctx.repos.exposure.saveName({ kind: uri.kind, address: uri.address, uri: uri.uri, uriBlock: Number(uri.blockNumber), name: result.ok ? result.name : null, error: result.ok ? null : result.error }, ctx.now());
        if (result.ok) resolved += 1;
        else failed.push({ address: uri.address, error: result.error });
      }
      ctx.repos.exposure.saveMetadataScan(head, ctx.now());
      ctx.events.emit('data.changed', { what: 'portfolio' });
      return { resolved, failed };
    },

    saveScenario(scenario: ScenarioDto): ScenarioDto[] {
      const list = savedScenarios().filter((item) => !(item.kind === scenario.kind && item.target.toLowerCase() === scenario.target.toLowerCase() && item.bps === scenario.bps));
      if (list.length >= MAX_SCENARIOS) throw new AppFailure('INVALID_INPUT', `At most ${MAX_SCENARIOS} scenarios can be saved`);
      const next = [...list, scenario];
      ctx.repos.settings.set(SCENARIOS_KEY, next);
      return next;
    },
  };
}

export type ExposureService = ReturnType<typeof createExposureService>;

/** A native EigenLayer row as a stake in ETH: a pod is beacon ETH; a strategy row is valued at its asset's NAV. */
/** The portfolio's USD value as the exposure report counts it: every position's value plus native EigenLayer stakes. */
export function portfolioUsdCents(positions: readonly Position[], exposed: readonly Pick<ExposedPosition, 'source' | 'usdCents'>[]): bigint | null {
  const cents = [...positions.map((position) => position.valuation?.usdCents ?? null), ...exposed.filter((item) => item.source === 'eigenlayer').map((item) => item.usdCents)].filter(
    (value): value is string => value !== null,
  );
  return cents.length ? cents.reduce((sum, value) => sum + BigInt(value), 0n) : null;
}

export function nativeStake(row: EigenStoredRow, book: RateBook) {
  if ((row.kind !== 'strategy' && row.kind !== 'pod') || row.withdrawableUnderlying === null || row.withdrawableUnderlying === '0') return null;
  const strategy = row.kind === 'pod' ? EIGENLAYER.beaconChainEthStrategy : row.strategy!;
  const id = `el:${row.walletId}:${strategy.toLowerCase()}`;
  const label = row.kind === 'pod' ? 'EigenPod (beacon ETH)' : `${row.assetSymbol ?? 'unknown'} restaked`;
  const note = row.operator ? null : 'not delegated to an operator: nothing can slash it';
  if (row.kind === 'pod') return { id, label, strategy, amount: BigInt(row.withdrawableUnderlying), note };
  const token = row.assetToken ? findToken('ethereum', row.assetToken) : null;
  const value = token ? valuePosition(BigInt(row.withdrawableUnderlying), row.assetDecimals ?? 18, token, book) : null;
  if (!value || value.underlying !== 'ETH' || value.underlyingValue === null) return { id, label, strategy, amount: 0n, note: 'no ETH value for this asset: left out of the exposure' };
  return { id, label, strategy, amount: value.underlyingValue, note };
}

function alerts(ctx: AppContext) {
  return ctx.repos.exposure.events().map((event) => ({
    kind: event.kind,
    blockNumber: event.blockNumber.toString(),
    transactionHash: event.transactionHash,
    operator: event.operator,
    avs: event.avs,
    setId: event.setId,
    strategies: event.strategies,
    amounts: event.amounts.map(String),
    description: event.description,
    seenAt: event.seenAt,
  }));
}
