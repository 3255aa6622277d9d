/**
 * The one IPC contract: channel → input and output schemas. Main validates input with it,
 * preload, the browser-mode server, the renderer client and the CLI all derive from it.
 */
import { z } from 'zod';
import {
  appInfoSchema,
  networkIdSchema,
  importResultSchema,
  portfolioSchema,
  refreshSummarySchema,
  rpcUrlSchema,
  settingsSchema,
  themeSchema,
  walletSchema,
} from './schemas';
import { windowDaysSchema, yieldReferenceSchema, yieldReportSchema, yieldSeriesSchema } from './yield-schemas';
import { exposureReportSchema, namesResultSchema, scenarioSchema, stressResultSchema } from './exposure-schemas';
import { CANDLE_SOURCES } from '../registry/markets';
import { candleIntervalSchema, chartDataSchema, premiumSeriesSchema, valueHistorySchema } from './chart-schemas';
import { riskReportSchema } from './risk-schemas';
import { compareInputSchema, compareSchema, exportInputSchema, exportResultSchema, timelineSchema } from './history-schemas';
import {
  backupCreateInputSchema,
  backupListSchema,
  backupResultSchema,
  recoveryRestoreResultSchema,
  recoveryStatusSchema,
  restoreInputSchema,
  restoreResultSchema,
  retentionRunInputSchema,
  retentionRunResultSchema,
  retentionSchema,
} from './backup-schemas';

const walletId = z.number().int().positive();
const label = z.string().max(1024).nullable().optional();

export const contract = {
  'app.info': { input: z.void(), output: appInfoSchema },
  'wallets.list': { input: z.void(), output: z.array(walletSchema) },
  'wallets.add': {
    input: z.object({ input: z.string().max(255), label }),
    output: walletSchema,
  },
  'wallets.import': {
    input: z.object({ text: z.string().max(2_000_000) }),
    output: importResultSchema,
  },
  'wallets.rename': { input: z.object({ id: walletId, label }), output: walletSchema },
  'wallets.remove': { input: z.object({ id: walletId }), output: z.object({ id: walletId }) },
  'portfolio.get': { input: z.void(), output: portfolioSchema },
  'refresh.run': {
    input: z.object({ chains: z.array(networkIdSchema).min(1).optional() }).optional(),
    output: refreshSummarySchema,
  },
  'settings.get': { input: z.void(), output: settingsSchema },
  'settings.setRpc': {
    input: z.object({ chain: networkIdSchema, urls: z.array(rpcUrlSchema).max(8) }),
    output: settingsSchema,
  },
  'settings.setTheme': { input: z.object({ theme: themeSchema }), output: settingsSchema },
  /** Offline mode: on, nothing is fetched from any network until it is turned off. */
  'settings.setOffline': { input: z.object({ enabled: z.boolean() }), output: settingsSchema },
  /** Whether the log file (<data-dir>/logs) keeps wallet addresses whole; off by default. */
  'settings.setLogFullAddresses': { input: z.object({ enabled: z.boolean() }), output: settingsSchema },
  /** An empty url restores the default. */
  'settings.setPriceApi': { input: z.object({ url: z.union([rpcUrlSchema, z.literal('')]) }), output: settingsSchema },
  'settings.setYieldReference': { input: z.object({ reference: yieldReferenceSchema }), output: settingsSchema },
  'settings.setCandleSource': { input: z.object({ source: z.enum(CANDLE_SOURCES) }), output: settingsSchema },
  'yield.get': { input: z.void(), output: yieldReportSchema },
  'yield.series': { input: z.object({ rateSymbol: z.string().max(32), windowDays: windowDaysSchema }), output: yieldSeriesSchema },
  'exposure.get': { input: z.void(), output: exposureReportSchema },
  'exposure.stress': { input: scenarioSchema, output: stressResultSchema },
  'exposure.saveScenario': { input: scenarioSchema, output: z.array(scenarioSchema) },
  'exposure.resolveNames': { input: z.void(), output: namesResultSchema },
  'charts.get': { input: z.object({ market: z.string().max(32), interval: candleIntervalSchema, limit: z.number().int().min(10).max(5_000).optional() }), output: chartDataSchema },
  'charts.refresh': { input: z.object({ market: z.string().max(32), interval: candleIntervalSchema }), output: z.object({ added: z.number().int(), requests: z.number().int() }) },
  'charts.premium': { input: z.object({ symbol: z.string().max(32) }), output: premiumSeriesSchema },
  'charts.portfolioValue': { input: z.void(), output: valueHistorySchema },
  // History, compare and export (docs/history.md, docs/export.md): stored snapshots only; times in unix seconds.
  'history.timeline': { input: z.void(), output: timelineSchema },
  'history.compare': { input: compareInputSchema, output: compareSchema },
  'export.build': { input: exportInputSchema, output: exportResultSchema },
  // Risk cards, exit paths and upgrade alerts (docs/risk.md): stored chain reads and registry data only.
  'risk.get': { input: z.void(), output: riskReportSchema },
  'risk.dismissAlert': { input: z.object({ id: z.number().int().positive() }), output: z.object({ id: z.number().int() }) },
  // Data safety (docs/architecture.md "Backups, restore and retention"). Paths from the renderer
  // must lie inside <dataDir>/backups; main refuses any other.
  'backup.create': { input: backupCreateInputSchema, output: backupResultSchema },
  'backup.list': { input: z.void(), output: backupListSchema },
  'backup.restore': { input: restoreInputSchema, output: restoreResultSchema },
  'retention.get': { input: z.void(), output: retentionSchema },
  'retention.set': { input: retentionSchema, output: retentionSchema },
  'retention.run': { input: retentionRunInputSchema, output: retentionRunResultSchema },
  /** Works in every mode; `active` is true when the database could not be opened. */
  'recovery.status': { input: z.void(), output: recoveryStatusSchema },
  /** Recovery mode only: restores one of recovery.status's backups, then the app runs normally. */
  'recovery.restore': { input: restoreInputSchema, output: recoveryRestoreResultSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
