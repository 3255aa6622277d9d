/**
 * Watch-only wallets: validation, ENS resolution, duplicate checks and all-or-nothing
 * bulk import. Nothing here signs or holds keys.
 */
import { normalizeLabel } from '../../../shared/domain/wallet/label';
import { parseWalletInput } from '../../../shared/domain/wallet/wallet-input';
import { parseImportText, type ImportLineError } from '../../../shared/domain/wallet/import-lines';
import type { ImportResult, Wallet } from '../../../shared/ipc/schemas';
import { AppFailure, type ErrorCode } from '../../../shared/result';
import { createEvmClient } from '../chain/evm/client';
import { resolveEnsName } from '../chain/evm/ens';
import { assertOnline } from './offline';
import { describeRpcError } from '../chain/evm/errors';
import type { NewWallet } from '../db/repos/wallets.repo';
import type { AppContext } from './context';
import type { SettingsService } from './settings.service';

type Prepared = { ok: true; wallet: NewWallet } | { ok: false; code: ErrorCode; reason: string };

export function createWalletsService(ctx: AppContext, settings: SettingsService) {
  const repo = ctx.repos.wallets;

  const describe = (wallet: Wallet): string =>
    wallet.label ? `"${wallet.label}" (${wallet.address})` : wallet.ensName ? `${wallet.ensName} (${wallet.address})` : wallet.address;

  async function resolveEns(name: string): Promise<`0x${string}`> {
    assertOnline(ctx, `resolving the ENS name ${name}`);
    const evm = createEvmClient('ethereum', settings.rpcUrls('ethereum'), ctx.evmClientOptions);
    let address: `0x${string}` | null;
    try {
      address = await resolveEnsName(evm, name);
    } catch (cause) {
      throw new AppFailure('NETWORK', `Could not resolve ENS name ${name}: ${describeRpcError(cause)}`);
    }
    if (!address) throw new AppFailure('NOT_FOUND', `ENS name ${name} does not resolve to an address`);
    return address;
  }

  /** Validates one entry; ENS names are resolved. Returns a reason instead of throwing. */
  async function prepare(input: string, rawLabel: string | null | undefined): Promise<Prepared> {
    const label = normalizeLabel(rawLabel);
    if (!label.ok) return { ok: false, code: 'INVALID_INPUT', reason: label.reason };
    const parsed = parseWalletInput(input);
    if (!parsed.ok) return { ok: false, code: 'INVALID_INPUT', reason: parsed.reason };
    const value = parsed.value;
    let wallet: NewWallet;
    if (value.kind === 'ens') {
      try {
        const address = await resolveEns(value.name);
        wallet = { kind: 'evm', address, label: label.label, ensName: value.name, ensResolvedAt: ctx.now() };
      } catch (cause) {
        const code = cause instanceof AppFailure ? cause.code : 'NETWORK';
        return { ok: false, code, reason: cause instanceof Error ? cause.message : String(cause) };
      }
    } else {
      wallet = { kind: value.kind, address: value.address, label: label.label, ensName: null, ensResolvedAt: null };
    }
    const existing = repo.findByAddress(wallet.kind, wallet.address);
    if (existing) return { ok: false, code: 'DUPLICATE', reason: `Already in your wallets as ${describe(existing)}` };
    return { ok: true, wallet };
  }

  return {
    list: (): Wallet[] => repo.list(),

    async add(input: string, label?: string | null): Promise<Wallet> {
      const prepared = await prepare(input, label);
      if (!prepared.ok) throw new AppFailure(prepared.code, prepared.reason);
      const [wallet] = repo.insertMany([prepared.wallet], ctx.now());
      ctx.events.emit('data.changed', { what: 'wallets' });
      return wallet!;
    },

    /** Good lines are added together in one transaction; each bad line is reported. */
    async importText(text: string): Promise<ImportResult> {
      const parsed = parseImportText(text);
      const errors: ImportLineError[] = [...parsed.errors];
      const accepted: NewWallet[] = [];
      const seen = new Map<string, number>();
      for (const row of parsed.rows) {
        const prepared = await prepare(row.address, row.label);
        if (!prepared.ok) {
          errors.push({ line: row.line, input: row.address, reason: prepared.reason });
          continue;
        }
        const key = `${prepared.wallet.kind}:${prepared.wallet.address}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          errors.push({ line: row.line, input: row.address, reason: `Same address as line ${earlier}` });
          continue;
        }
        seen.set(key, row.line);
        accepted.push(prepared.wallet);
      }
      errors.sort((a, b) => a.line - b.line);
      const added = accepted.length > 0 ? repo.insertMany(accepted, ctx.now()) : [];
      if (added.length > 0) ctx.events.emit('data.changed', { what: 'wallets' });
      return { added, errors };
    },

    rename(id: number, rawLabel: string | null | undefined): Wallet {
      const label = normalizeLabel(rawLabel);
      if (!label.ok) throw new AppFailure('INVALID_INPUT', label.reason);
      if (!repo.rename(id, label.label)) throw new AppFailure('NOT_FOUND', `No wallet with id ${id}`);
      ctx.events.emit('data.changed', { what: 'wallets' });
      return repo.get(id)!;
    },

    /** Removes the wallet and, through the schema's cascade, its balances in every snapshot. */
    remove(id: number): { id: number } {
      if (!repo.remove(id)) throw new AppFailure('NOT_FOUND', `No wallet with id ${id}`);
      ctx.events.emit('data.changed', { what: 'wallets' });
      return { id };
    },

  };
}

export type WalletsService = ReturnType<typeof createWalletsService>;
