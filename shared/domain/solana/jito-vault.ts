/**
 * Jito (Re)staking vault accounts, decoded from raw account bytes.
 *
 * Layouts follow jito-foundation/restaking @ 8109c879f43498e36920d1e4d0ddef80a190ee29
 * (vault_core/src/vault.rs, vault_operator_delegation.rs, vault_ncn_ticket.rs, config.rs,
 * delegation_state.rs, core/src/slot_toggle.rs). The structs are `#[repr(C)]` bytemuck Pods made
 * only of byte arrays (PodU64/PodU16 are `[u8; N]` little-endian), so there is no padding and the
 * offsets below are plain sums. Every account starts with an 8-byte header: byte 0 is the
 * discriminator, bytes 1..8 are reserved (bytemuck/src/lib.rs `try_from_slice_unchecked`).
 * Offset table, sources and cross-checks: docs/research/jito-restaking.md.
 */
import { base58 } from '@scure/base';

/** Mainnet (also testnet/devnet) ids: jito-omnidocs restaking/jito-restaking-overview/index.md, "Program addresses" table. */
export const JITO_VAULT_PROGRAM = 'Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8';
export const JITO_RESTAKING_PROGRAM = 'RestkWeAVL8fRGgzhfeoqFhsqKRchg6aa1XrcH96z4Q';

/** vault_core/src/discriminators.rs. Restaking-program accounts reuse small numbers, so check the owner too. */
export const VAULT_DISCRIMINATOR = {
  config: 1, vault: 2, vaultNcnTicket: 3, vaultOperatorDelegation: 4, vaultNcnSlasherTicket: 5,
  vaultNcnSlasherOperatorTicket: 6, vaultStakerWithdrawalTicket: 7, vaultUpdateStateTracker: 8,
} as const;

/** Whole account sizes (header included): what `dataSize` filters match. */
export const VAULT_ACCOUNT_SIZE = 1111;
export const VAULT_OPERATOR_DELEGATION_SIZE = 632;
export const VAULT_NCN_TICKET_SIZE = 392;
export const VAULT_CONFIG_SIZE = 390;

/** Byte offsets into the Vault account (header included). */
export const VAULT_OFFSETS = {
  discriminator: 0, base: 8, vrtMint: 40, supportedMint: 72,
  vrtSupply: 104, tokensDeposited: 112, depositCapacity: 120,
  delegationState: 128, // 3 × u64 then 256 reserved bytes
  additionalAssetsNeedUnstaking: 408, vrtEnqueuedForCooldownAmount: 416,
  vrtCoolingDownAmount: 424, vrtReadyToClaimAmount: 432,
  admin: 440, delegationAdmin: 472, operatorAdmin: 504, ncnAdmin: 536, slasherAdmin: 568,
  capacityAdmin: 600, feeAdmin: 632, delegateAssetAdmin: 664, feeWallet: 696,
  mintBurnAdmin: 728, metadataAdmin: 760,
  vaultIndex: 792, ncnCount: 800, operatorCount: 808, slasherCount: 816,
  lastFeeChangeSlot: 824, lastFullStateUpdateSlot: 832,
  depositFeeBps: 840, withdrawalFeeBps: 842, nextWithdrawalFeeBps: 844, rewardFeeBps: 846, programFeeBps: 848,
  bump: 850, isPaused: 851, lastStartStateUpdateSlot: 852, // then 251 reserved bytes
} as const;

export const DELEGATION_OFFSETS = {
  vault: 8, operator: 40, delegationState: 72, lastUpdateSlot: 352, index: 360, bump: 368,
} as const;

export const NCN_TICKET_OFFSETS = {
  vault: 8, ncn: 40, index: 72, slotAdded: 80, slotRemoved: 88, bump: 128,
} as const;

export const CONFIG_OFFSETS = {
  admin: 8, restakingProgram: 40, epochLength: 72, numVaults: 80, depositWithdrawalFeeCapBps: 88,
  feeRateOfChangeBps: 90, feeBumpBps: 92, programFeeBps: 94, programFeeWallet: 96, feeAdmin: 128, bump: 160,
} as const;

export interface DelegationState {
  stakedAmount: bigint;
  enqueuedForCooldownAmount: bigint;
  coolingDownAmount: bigint;
}

export interface VaultState {
  base: string;
  vrtMint: string;
  supportedMint: string;
  vrtSupply: bigint;
  tokensDeposited: bigint;
  depositCapacity: bigint;
  /** Rolled-up delegation to all operators, in supported-token units. */
  delegationState: DelegationState;
  additionalAssetsNeedUnstaking: bigint;
  vrtEnqueuedForCooldownAmount: bigint;
  vrtCoolingDownAmount: bigint;
  vrtReadyToClaimAmount: bigint;
  admins: {
    admin: string; delegationAdmin: string; operatorAdmin: string; ncnAdmin: string; slasherAdmin: string;
    capacityAdmin: string; feeAdmin: string; delegateAssetAdmin: string; feeWallet: string;
    mintBurnAdmin: string; metadataAdmin: string;
  };
  vaultIndex: bigint;
  ncnCount: bigint;
  operatorCount: bigint;
  slasherCount: bigint;
  lastFeeChangeSlot: bigint;
  /** Slot of the last completed epoch update; a vault not updated this epoch refuses most actions. */
  lastFullStateUpdateSlot: bigint;
  lastStartStateUpdateSlot: bigint;
  fees: { depositBps: number; withdrawalBps: number; nextWithdrawalBps: number; rewardBps: number; programBps: number };
  bump: number;
  isPaused: boolean;
}

export interface VaultOperatorDelegationState {
  vault: string;
  operator: string;
  delegationState: DelegationState;
  lastUpdateSlot: bigint;
  index: bigint;
  bump: number;
}

export interface SlotToggle { slotAdded: bigint; slotRemoved: bigint }

export interface VaultNcnTicketState { vault: string; ncn: string; index: bigint; state: SlotToggle; bump: number }

export interface VaultConfigState {
  admin: string;
  restakingProgram: string;
  epochLength: bigint;
  numVaults: bigint;
  depositWithdrawalFeeCapBps: number;
  feeRateOfChangeBps: number;
  feeBumpBps: number;
  programFeeBps: number;
  programFeeWallet: string;
  feeAdmin: string;
  bump: number;
}

const DISCRIMINATOR_NAMES = new Map<number, string>(Object.entries(VAULT_DISCRIMINATOR).map(([k, v]) => [v, k]));

/** Refuses bytes that are not the expected account type or are too short, before reading anything. */
function reader(data: Uint8Array, kind: keyof typeof VAULT_DISCRIMINATOR, minSize: number) {
  if (data.length < minSize) {
    throw new Error(`Jito ${kind} account data too short: ${data.length} bytes, need at least ${minSize}`);
  }
  const expected = VAULT_DISCRIMINATOR[kind];
  const found = data[0];
  if (found !== expected) {
    const name = DISCRIMINATOR_NAMES.get(found ?? -1);
    throw new Error(
      `Not a Jito ${kind} account: discriminator is ${found}${name ? ` (${name})` : ''}, expected ${expected}`,
    );
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    u8: (at: number) => view.getUint8(at),
    u16: (at: number) => view.getUint16(at, true),
    u64: (at: number) => view.getBigUint64(at, true),
    pubkey: (at: number) => base58.encode(data.subarray(at, at + 32)),
  };
}

type Reader = ReturnType<typeof reader>;

function delegationStateAt(r: Reader, at: number): DelegationState {
  return { stakedAmount: r.u64(at), enqueuedForCooldownAmount: r.u64(at + 8), coolingDownAmount: r.u64(at + 16) };
}

export function decodeVault(data: Uint8Array): VaultState {
  const r = reader(data, 'vault', VAULT_ACCOUNT_SIZE);
  const o = VAULT_OFFSETS;
  return {
    base: r.pubkey(o.base),
    vrtMint: r.pubkey(o.vrtMint),
    supportedMint: r.pubkey(o.supportedMint),
    vrtSupply: r.u64(o.vrtSupply), tokensDeposited: r.u64(o.tokensDeposited), depositCapacity: r.u64(o.depositCapacity),
    delegationState: delegationStateAt(r, o.delegationState),
    additionalAssetsNeedUnstaking: r.u64(o.additionalAssetsNeedUnstaking),
    vrtEnqueuedForCooldownAmount: r.u64(o.vrtEnqueuedForCooldownAmount),
    vrtCoolingDownAmount: r.u64(o.vrtCoolingDownAmount), vrtReadyToClaimAmount: r.u64(o.vrtReadyToClaimAmount),
    admins: {
      admin: r.pubkey(o.admin), delegationAdmin: r.pubkey(o.delegationAdmin),
      operatorAdmin: r.pubkey(o.operatorAdmin), ncnAdmin: r.pubkey(o.ncnAdmin),
      slasherAdmin: r.pubkey(o.slasherAdmin), capacityAdmin: r.pubkey(o.capacityAdmin),
      feeAdmin: r.pubkey(o.feeAdmin), delegateAssetAdmin: r.pubkey(o.delegateAssetAdmin),
      feeWallet: r.pubkey(o.feeWallet), mintBurnAdmin: r.pubkey(o.mintBurnAdmin),
      metadataAdmin: r.pubkey(o.metadataAdmin),
    },
    vaultIndex: r.u64(o.vaultIndex), ncnCount: r.u64(o.ncnCount),
    operatorCount: r.u64(o.operatorCount), slasherCount: r.u64(o.slasherCount),
    lastFeeChangeSlot: r.u64(o.lastFeeChangeSlot), lastFullStateUpdateSlot: r.u64(o.lastFullStateUpdateSlot),
    lastStartStateUpdateSlot: r.u64(o.lastStartStateUpdateSlot),
    fees: {
      depositBps: r.u16(o.depositFeeBps), withdrawalBps: r.u16(o.withdrawalFeeBps),
      nextWithdrawalBps: r.u16(o.nextWithdrawalFeeBps), rewardBps: r.u16(o.rewardFeeBps),
      programBps: r.u16(o.programFeeBps),
    },
    bump: r.u8(o.bump),
    // PodBool reads any non-zero byte as true (bytemuck/src/types.rs).
    isPaused: r.u8(o.isPaused) !== 0,
  };
}

export function decodeVaultOperatorDelegation(data: Uint8Array): VaultOperatorDelegationState {
  const r = reader(data, 'vaultOperatorDelegation', VAULT_OPERATOR_DELEGATION_SIZE);
  const o = DELEGATION_OFFSETS;
  return {
    vault: r.pubkey(o.vault),
    operator: r.pubkey(o.operator),
    delegationState: delegationStateAt(r, o.delegationState),
    lastUpdateSlot: r.u64(o.lastUpdateSlot),
    index: r.u64(o.index),
    bump: r.u8(o.bump),
  };
}

export function decodeVaultNcnTicket(data: Uint8Array): VaultNcnTicketState {
  const r = reader(data, 'vaultNcnTicket', VAULT_NCN_TICKET_SIZE);
  const o = NCN_TICKET_OFFSETS;
  return {
    vault: r.pubkey(o.vault),
    ncn: r.pubkey(o.ncn),
    index: r.u64(o.index),
    state: { slotAdded: r.u64(o.slotAdded), slotRemoved: r.u64(o.slotRemoved) },
    bump: r.u8(o.bump),
  };
}

/** The program-wide Config: its epoch_length is needed to tell whether a ticket is active. */
export function decodeVaultConfig(data: Uint8Array): VaultConfigState {
  const r = reader(data, 'config', VAULT_CONFIG_SIZE);
  const o = CONFIG_OFFSETS;
  return {
    admin: r.pubkey(o.admin),
    restakingProgram: r.pubkey(o.restakingProgram),
    epochLength: r.u64(o.epochLength),
    numVaults: r.u64(o.numVaults),
    depositWithdrawalFeeCapBps: r.u16(o.depositWithdrawalFeeCapBps),
    feeRateOfChangeBps: r.u16(o.feeRateOfChangeBps), feeBumpBps: r.u16(o.feeBumpBps), programFeeBps: r.u16(o.programFeeBps),
    programFeeWallet: r.pubkey(o.programFeeWallet),
    feeAdmin: r.pubkey(o.feeAdmin),
    bump: r.u8(o.bump),
  };
}

/**
 * Supported tokens backing `vrtAmount`, floored: vrt × tokens_deposited / vrt_supply, the same
 * integer division the program's burn uses (Vault::calculate_burn_summary). Before fees; rewards
 * sitting in the vault's token account count only once update_vault_balance books them.
 */
export function vrtToSupportedTokens(state: Pick<VaultState, 'vrtSupply' | 'tokensDeposited'>, vrtAmount: bigint): bigint {
  if (vrtAmount < 0n) throw new Error(`VRT amount must not be negative: ${vrtAmount}`);
  // No VRT outstanding means there is no share to price; 0 rather than a division by zero.
  if (state.vrtSupply === 0n) return 0n;
  return (vrtAmount * state.tokensDeposited) / state.vrtSupply;
}

export interface RedemptionEstimate { programFeeVrt: bigint; vaultFeeVrt: bigint; burnedVrt: bigint; outTokens: bigint }

/**
 * What burning `vrtAmount` would return today, mirroring Vault::calculate_burn_summary: program and
 * vault withdrawal fees are taken in VRT, each rounded up, program fee first when they exceed the
 * amount. An estimate: the fee in force at burn time may differ (next_withdrawal_fee_bps), and fee
 * wallets are exempt.
 */
export function estimateRedemption(
  state: Pick<VaultState, 'vrtSupply' | 'tokensDeposited' | 'fees'>,
  vrtAmount: bigint,
): RedemptionEstimate {
  if (vrtAmount < 0n) throw new Error(`VRT amount must not be negative: ${vrtAmount}`);
  const ceilBps = (amount: bigint, bps: number) => (amount * BigInt(bps) + 9_999n) / 10_000n;
  const programFeeVrt = ceilBps(vrtAmount, state.fees.programBps);
  let vaultFeeVrt = ceilBps(vrtAmount, state.fees.withdrawalBps);
  if (programFeeVrt + vaultFeeVrt > vrtAmount) vaultFeeVrt = vrtAmount - programFeeVrt;
  if (vaultFeeVrt < 0n) throw new Error('Program fee exceeds the VRT amount');
  const burnedVrt = vrtAmount - programFeeVrt - vaultFeeVrt;
  return { programFeeVrt, vaultFeeVrt, burnedVrt, outTokens: vrtToSupportedTokens(state, burnedVrt) };
}

/** Total stake counted for security: staked + enqueued + cooling down (DelegationState::total_security). */
export function totalSecurity(d: DelegationState): bigint {
  return d.stakedAmount + d.enqueuedForCooldownAmount + d.coolingDownAmount;
}

export type SlotToggleState = 'inactive' | 'warmup' | 'active' | 'cooldown';

/** SlotToggle::state: warm-up and cool-down each last one full epoch after the epoch of the change. */
export function slotToggleState(toggle: SlotToggle, slot: bigint, epochLength: bigint): SlotToggleState {
  if (epochLength <= 0n) throw new Error(`Epoch length must be positive: ${epochLength}`);
  const epoch = slot / epochLength;
  if (toggle.slotAdded === toggle.slotRemoved) return 'inactive';
  if (toggle.slotAdded < toggle.slotRemoved) {
    return epoch > toggle.slotRemoved / epochLength + 1n ? 'inactive' : 'cooldown';
  }
  return epoch > toggle.slotAdded / epochLength + 1n ? 'active' : 'warmup';
}

/** A JSON-RPC getProgramAccounts filter (bytes base58, the RPC default encoding). */
export type ProgramAccountsFilter = { dataSize: number } | { memcmp: { offset: number; bytes: string } };

function filters(size: number, discriminator: number, keyOffset: number, key: string): ProgramAccountsFilter[] {
  return [
    { dataSize: size },
    { memcmp: { offset: 0, bytes: base58.encode(Uint8Array.of(discriminator)) } },
    { memcmp: { offset: keyOffset, bytes: key } },
  ];
}

/** Vault accounts whose VRT mint is `vrtMint`: how a wallet's VRT balance finds its vault. */
export const vaultByVrtMintFilters = (vrtMint: string): ProgramAccountsFilter[] =>
  filters(VAULT_ACCOUNT_SIZE, VAULT_DISCRIMINATOR.vault, VAULT_OFFSETS.vrtMint, vrtMint);

/** All VaultOperatorDelegation accounts of `vault` (one per operator). */
export const vaultDelegationsFilters = (vault: string): ProgramAccountsFilter[] =>
  filters(VAULT_OPERATOR_DELEGATION_SIZE, VAULT_DISCRIMINATOR.vaultOperatorDelegation, DELEGATION_OFFSETS.vault, vault);

/** All VaultNcnTicket accounts of `vault` (one per NCN it has opted into, in any toggle state). */
export const vaultNcnTicketsFilters = (vault: string): ProgramAccountsFilter[] =>
  filters(VAULT_NCN_TICKET_SIZE, VAULT_DISCRIMINATOR.vaultNcnTicket, NCN_TICKET_OFFSETS.vault, vault);
