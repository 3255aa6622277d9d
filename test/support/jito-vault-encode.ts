/**
 * Writes Jito vault-program accounts (Vault, VaultOperatorDelegation, VaultNcnTicket, Config) as
 * the program stores them, for loopback RPC test servers that answer getAccountInfo /
 * getProgramAccounts.
 *
 * Deliberately written field by field in the Rust struct order (jito-foundation/restaking @
 * 8109c879, vault_core/src/*.rs) with a moving cursor, not from the decoder's offset table: if the
 * table were wrong, a round trip through an encoder built on it would still pass.
 */
import { base58 } from '@scure/base';
import {
  VAULT_ACCOUNT_SIZE,
  VAULT_CONFIG_SIZE,
  VAULT_DISCRIMINATOR,
  VAULT_NCN_TICKET_SIZE,
  VAULT_OPERATOR_DELEGATION_SIZE,
  type DelegationState,
  type VaultConfigState,
  type VaultNcnTicketState,
  type VaultOperatorDelegationState,
  type VaultState,
} from '../../shared/domain/solana/jito-vault';

/** The all-zero key (Pubkey::default()), e.g. an unset mint_burn_admin. */
export const ZERO_PUBKEY = base58.encode(new Uint8Array(32));

class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(size: number, discriminator: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
    this.u8(discriminator);
    this.skip(7); // reserved header bytes
  }

  u8(value: number): this { this.view.setUint8(this.at, value); this.at += 1; return this; }
  u16(value: number): this { this.view.setUint16(this.at, value, true); this.at += 2; return this; }
  u64(value: bigint): this { this.view.setBigUint64(this.at, value, true); this.at += 8; return this; }
  skip(count: number): this { this.at += count; return this; }

  pubkey(address: string): this {
    const key = base58.decode(address);
    if (key.length !== 32) throw new Error(`Not a 32-byte public key: ${address}`);
    this.bytes.set(key, this.at);
    this.at += 32;
    return this;
  }

  delegationState(state: DelegationState): this {
    return this.u64(state.stakedAmount).u64(state.enqueuedForCooldownAmount).u64(state.coolingDownAmount).skip(256);
  }

  /** Checks the cursor landed exactly on the account size, so a missed field is caught here. */
  done(): Uint8Array {
    if (this.at !== this.bytes.length) throw new Error(`Encoder wrote ${this.at} bytes, account is ${this.bytes.length}`);
    return this.bytes;
  }
}

export const zeroDelegation = (): DelegationState => ({ stakedAmount: 0n, enqueuedForCooldownAmount: 0n, coolingDownAmount: 0n });

/** A fresh-looking vault (as Vault::new leaves it) with `overrides` applied. */
export function sampleVault(overrides: Partial<VaultState> & Pick<VaultState, 'vrtMint' | 'supportedMint'>): VaultState {
  const admin = overrides.admins?.admin ?? overrides.base ?? ZERO_PUBKEY;
  return {
    base: ZERO_PUBKEY,
    vrtSupply: 0n,
    tokensDeposited: 0n,
    depositCapacity: 2n ** 64n - 1n,
    delegationState: zeroDelegation(),
    additionalAssetsNeedUnstaking: 0n,
    vrtEnqueuedForCooldownAmount: 0n,
    vrtCoolingDownAmount: 0n,
    vrtReadyToClaimAmount: 0n,
    admins: {
      admin, delegationAdmin: admin, operatorAdmin: admin, ncnAdmin: admin, slasherAdmin: admin,
      capacityAdmin: admin, feeAdmin: admin, delegateAssetAdmin: admin, feeWallet: admin,
      mintBurnAdmin: ZERO_PUBKEY, metadataAdmin: admin,
    },
    vaultIndex: 0n,
    ncnCount: 0n,
    operatorCount: 0n,
    slasherCount: 0n,
    lastFeeChangeSlot: 0n,
    lastFullStateUpdateSlot: 0n,
    lastStartStateUpdateSlot: 0n,
    fees: { depositBps: 0, withdrawalBps: 0, nextWithdrawalBps: 0, rewardBps: 0, programBps: 10 },
    bump: 255,
    isPaused: false,
    ...overrides,
  };
}

export function encodeVault(v: VaultState): Uint8Array {
  const a = v.admins;
  return new Writer(VAULT_ACCOUNT_SIZE, VAULT_DISCRIMINATOR.vault)
    .pubkey(v.base).pubkey(v.vrtMint).pubkey(v.supportedMint)
    .u64(v.vrtSupply).u64(v.tokensDeposited).u64(v.depositCapacity)
    .delegationState(v.delegationState)
    .u64(v.additionalAssetsNeedUnstaking).u64(v.vrtEnqueuedForCooldownAmount)
    .u64(v.vrtCoolingDownAmount).u64(v.vrtReadyToClaimAmount)
    .pubkey(a.admin).pubkey(a.delegationAdmin).pubkey(a.operatorAdmin).pubkey(a.ncnAdmin)
    .pubkey(a.slasherAdmin).pubkey(a.capacityAdmin).pubkey(a.feeAdmin).pubkey(a.delegateAssetAdmin)
    .pubkey(a.feeWallet).pubkey(a.mintBurnAdmin).pubkey(a.metadataAdmin)
    .u64(v.vaultIndex).u64(v.ncnCount).u64(v.operatorCount).u64(v.slasherCount)
    .u64(v.lastFeeChangeSlot).u64(v.lastFullStateUpdateSlot)
    .u16(v.fees.depositBps).u16(v.fees.withdrawalBps).u16(v.fees.nextWithdrawalBps)
    .u16(v.fees.rewardBps).u16(v.fees.programBps)
    .u8(v.bump).u8(v.isPaused ? 1 : 0)
    .u64(v.lastStartStateUpdateSlot)
    .skip(251)
    .done();
}

export function encodeVaultOperatorDelegation(d: VaultOperatorDelegationState): Uint8Array {
  return new Writer(VAULT_OPERATOR_DELEGATION_SIZE, VAULT_DISCRIMINATOR.vaultOperatorDelegation)
    .pubkey(d.vault).pubkey(d.operator)
    .delegationState(d.delegationState)
    .u64(d.lastUpdateSlot).u64(d.index).u8(d.bump)
    .skip(263)
    .done();
}

export function encodeVaultNcnTicket(t: VaultNcnTicketState): Uint8Array {
  return new Writer(VAULT_NCN_TICKET_SIZE, VAULT_DISCRIMINATOR.vaultNcnTicket)
    .pubkey(t.vault).pubkey(t.ncn).u64(t.index)
    .u64(t.state.slotAdded).u64(t.state.slotRemoved).skip(32) // SlotToggle
    .u8(t.bump)
    .skip(263)
    .done();
}

export function encodeVaultConfig(c: VaultConfigState): Uint8Array {
  return new Writer(VAULT_CONFIG_SIZE, VAULT_DISCRIMINATOR.config)
    .pubkey(c.admin).pubkey(c.restakingProgram)
    .u64(c.epochLength).u64(c.numVaults)
    .u16(c.depositWithdrawalFeeCapBps).u16(c.feeRateOfChangeBps).u16(c.feeBumpBps).u16(c.programFeeBps)
    .pubkey(c.programFeeWallet).pubkey(c.feeAdmin).u8(c.bump)
    .skip(229)
    .done();
}

/** The `data` field of a getAccountInfo / getProgramAccounts answer with `encoding: "base64"`. */
export const toRpcData = (bytes: Uint8Array): [string, 'base64'] => [Buffer.from(bytes).toString('base64'), 'base64'];
