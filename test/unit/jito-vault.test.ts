import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import {
  DELEGATION_OFFSETS,
  JITO_RESTAKING_PROGRAM,
  JITO_VAULT_PROGRAM,
  VAULT_OFFSETS,
  decodeVault,
  decodeVaultConfig,
  decodeVaultNcnTicket,
  decodeVaultOperatorDelegation,
  estimateRedemption,
  slotToggleState,
  totalSecurity,
  vaultByVrtMintFilters,
  vaultDelegationsFilters,
  vaultNcnTicketsFilters,
  vrtToSupportedTokens,
} from '../../shared/domain/solana/jito-vault';
import {
  encodeVault,
  encodeVaultConfig,
  encodeVaultNcnTicket,
  encodeVaultOperatorDelegation,
  sampleVault,
  toRpcData,
} from '../support/jito-vault-encode';

/** A distinct, valid 32-byte key per seed. */
const key = (seed: number): string => base58.encode(new Uint8Array(32).fill(seed));
const keyBytes = (seed: number): Uint8Array => new Uint8Array(32).fill(seed);

describe('program ids', () => {
  it('are 32-byte base58 keys', () => {
    expect(base58.decode(JITO_VAULT_PROGRAM)).toHaveLength(32);
    expect(base58.decode(JITO_RESTAKING_PROGRAM)).toHaveLength(32);
  });
});

describe('decodeVault at hand-computed offsets', () => {
  // Offsets are the sum of the Rust field sizes after the 8-byte header, written out by hand
  // here rather than taken from VAULT_OFFSETS, so a wrong table fails this test.
  const bytes = new Uint8Array(1111);
  const view = new DataView(bytes.buffer);
  bytes[0] = 2;
  bytes.set(keyBytes(1), 8); // base
  bytes.set(keyBytes(2), 8 + 32); // vrt_mint
  bytes.set(keyBytes(3), 8 + 64); // supported_mint
  view.setBigUint64(104, 1_000_000_000_000n, true); // vrt_supply
  view.setBigUint64(112, 1_050_000_000_123n, true); // tokens_deposited
  view.setBigUint64(120, 2n ** 64n - 1n, true); // deposit_capacity
  view.setBigUint64(128, 700n, true); // delegation_state.staked_amount
  view.setBigUint64(136, 20n, true); // .enqueued_for_cooldown_amount
  view.setBigUint64(144, 3n, true); // .cooling_down_amount
  view.setBigUint64(432, 55n, true); // vrt_ready_to_claim_amount
  bytes.set(keyBytes(9), 440 + 8 * 32); // fee_wallet is the 9th admin key
  view.setBigUint64(800, 4n, true); // ncn_count
  view.setBigUint64(808, 12n, true); // operator_count
  view.setBigUint64(832, 356_400_000n, true); // last_full_state_update_slot
  view.setUint16(842, 25, true); // withdrawal_fee_bps
  view.setUint16(848, 10, true); // program_fee_bps
  bytes[850] = 254; // bump
  bytes[851] = 1; // is_paused
  view.setBigUint64(852, 356_400_001n, true); // last_start_state_update_slot

  const vault = decodeVault(bytes);

  it('reads keys and amounts where the struct puts them', () => {
    expect(vault.base).toBe(key(1));
    expect(vault.vrtMint).toBe(key(2));
    expect(vault.supportedMint).toBe(key(3));
    expect(vault.vrtSupply).toBe(1_000_000_000_000n);
    expect(vault.tokensDeposited).toBe(1_050_000_000_123n);
    expect(vault.depositCapacity).toBe(2n ** 64n - 1n);
    expect(vault.delegationState).toEqual({ stakedAmount: 700n, enqueuedForCooldownAmount: 20n, coolingDownAmount: 3n });
    expect(totalSecurity(vault.delegationState)).toBe(723n);
    expect(vault.vrtReadyToClaimAmount).toBe(55n);
    expect(vault.admins.feeWallet).toBe(key(9));
    expect(vault.admins.admin).toBe(key(0));
  });

  it('reads counters, slots, fees and flags', () => {
    expect(vault.ncnCount).toBe(4n);
    expect(vault.operatorCount).toBe(12n);
    expect(vault.lastFullStateUpdateSlot).toBe(356_400_000n);
    expect(vault.lastStartStateUpdateSlot).toBe(356_400_001n);
    expect(vault.fees).toEqual({ depositBps: 0, withdrawalBps: 25, nextWithdrawalBps: 0, rewardBps: 0, programBps: 10 });
    expect(vault.bump).toBe(254);
    expect(vault.isPaused).toBe(true);
  });

  it('agrees with the exported offset table', () => {
    expect(VAULT_OFFSETS.vrtSupply).toBe(104);
    expect(VAULT_OFFSETS.tokensDeposited).toBe(112);
    expect(VAULT_OFFSETS.lastStartStateUpdateSlot + 8 + 251).toBe(1111);
  });
});

describe('encoder round trip', () => {
  it('a vault written field by field decodes to the same state', () => {
    const state = sampleVault({
      base: key(11), vrtMint: key(12), supportedMint: key(13),
      vrtSupply: 987_654_321n, tokensDeposited: 1_000_000_007n, vaultIndex: 7n, slasherCount: 1n,
      delegationState: { stakedAmount: 5n, enqueuedForCooldownAmount: 6n, coolingDownAmount: 7n },
      fees: { depositBps: 1, withdrawalBps: 2, nextWithdrawalBps: 3, rewardBps: 4, programBps: 5 },
      lastFeeChangeSlot: 9n, additionalAssetsNeedUnstaking: 8n, vrtCoolingDownAmount: 2n,
    });
    const bytes = encodeVault(state);
    expect(bytes).toHaveLength(1111);
    expect(decodeVault(bytes)).toEqual(state);
    expect(new DataView(bytes.buffer).getBigUint64(112, true)).toBe(1_000_000_007n);
  });

  it('rpc data is base64 of the bytes', () => {
    const bytes = encodeVault(sampleVault({ vrtMint: key(2), supportedMint: key(3) }));
    const [text, encoding] = toRpcData(bytes);
    expect(encoding).toBe('base64');
    expect(Uint8Array.from(Buffer.from(text, 'base64'))).toEqual(bytes);
  });
});

describe('refusals', () => {
  it('refuses a wrong discriminator, naming what it found', () => {
    const bytes = encodeVault(sampleVault({ vrtMint: key(2), supportedMint: key(3) }));
    bytes[0] = 4;
    expect(() => decodeVault(bytes)).toThrow('Not a Jito vault account: discriminator is 4 (vaultOperatorDelegation), expected 2');
    bytes[0] = 99;
    expect(() => decodeVault(bytes)).toThrow(/discriminator is 99, expected 2/);
  });

  it('refuses short data before reading it', () => {
    expect(() => decodeVault(new Uint8Array(1110).fill(2))).toThrow('Jito vault account data too short: 1110 bytes, need at least 1111');
    expect(() => decodeVault(new Uint8Array(0))).toThrow(/too short: 0 bytes/);
    expect(() => decodeVaultOperatorDelegation(new Uint8Array(631))).toThrow(/need at least 632/);
    expect(() => decodeVaultNcnTicket(new Uint8Array(100))).toThrow(/need at least 392/);
  });

  it('refuses a delegation decoded as a vault and vice versa', () => {
    const delegation = encodeVaultOperatorDelegation({
      vault: key(1), operator: key(2), delegationState: { stakedAmount: 1n, enqueuedForCooldownAmount: 0n, coolingDownAmount: 0n },
      lastUpdateSlot: 0n, index: 0n, bump: 1,
    });
    const padded = new Uint8Array(1111);
    padded.set(delegation);
    expect(() => decodeVault(padded)).toThrow(/discriminator is 4/);
    expect(() => decodeVaultOperatorDelegation(encodeVault(sampleVault({ vrtMint: key(2), supportedMint: key(3) })))).toThrow(/discriminator is 2 \(vault\), expected 4/);
  });
});

describe('VaultOperatorDelegation and VaultNcnTicket', () => {
  it('delegation fields sit at hand-computed offsets', () => {
    const bytes = new Uint8Array(632);
    const view = new DataView(bytes.buffer);
    bytes[0] = 4;
    bytes.set(keyBytes(21), 8);
    bytes.set(keyBytes(22), 40);
    view.setBigUint64(72, 32_000_000_000n, true); // staked_amount
    view.setBigUint64(88, 9n, true); // cooling_down_amount
    view.setBigUint64(352, 123n, true); // last_update_slot (after 280 bytes of DelegationState)
    view.setBigUint64(360, 3n, true); // index
    bytes[368] = 250;
    expect(decodeVaultOperatorDelegation(bytes)).toEqual({
      vault: key(21), operator: key(22),
      delegationState: { stakedAmount: 32_000_000_000n, enqueuedForCooldownAmount: 0n, coolingDownAmount: 9n },
      lastUpdateSlot: 123n, index: 3n, bump: 250,
    });
    expect(DELEGATION_OFFSETS.operator).toBe(40);
  });

  it('ncn ticket fields sit at hand-computed offsets and round-trip', () => {
    const bytes = new Uint8Array(392);
    const view = new DataView(bytes.buffer);
    bytes[0] = 3;
    bytes.set(keyBytes(31), 8);
    bytes.set(keyBytes(32), 40);
    view.setBigUint64(72, 2n, true); // index
    view.setBigUint64(80, 1000n, true); // slot_added
    view.setBigUint64(88, 500n, true); // slot_removed
    bytes[128] = 7; // bump after the 32 reserved bytes of SlotToggle
    const ticket = decodeVaultNcnTicket(bytes);
    expect(ticket).toEqual({ vault: key(31), ncn: key(32), index: 2n, state: { slotAdded: 1000n, slotRemoved: 500n }, bump: 7 });
    expect(encodeVaultNcnTicket(ticket)).toEqual(bytes);
  });

  it('config epoch length and program fee round-trip', () => {
    const config = {
      admin: key(1), restakingProgram: JITO_RESTAKING_PROGRAM, epochLength: 432_000n, numVaults: 40n,
      depositWithdrawalFeeCapBps: 2000, feeRateOfChangeBps: 2500, feeBumpBps: 10, programFeeBps: 10,
      programFeeWallet: key(2), feeAdmin: key(3), bump: 255,
    };
    const bytes = encodeVaultConfig(config);
    expect(new DataView(bytes.buffer).getBigUint64(72, true)).toBe(432_000n);
    expect(decodeVaultConfig(bytes)).toEqual(config);
  });
});

describe('slot toggle state', () => {
  const epoch = 100n;
  it('warms up for the rest of the epoch and one full epoch more', () => {
    const toggle = { slotAdded: 150n, slotRemoved: 0n };
    expect(slotToggleState(toggle, 150n, epoch)).toBe('warmup');
    expect(slotToggleState(toggle, 299n, epoch)).toBe('warmup');
    expect(slotToggleState(toggle, 300n, epoch)).toBe('active');
  });
  it('cools down the same way, and equal slots mean inactive', () => {
    const toggle = { slotAdded: 150n, slotRemoved: 420n };
    expect(slotToggleState(toggle, 599n, epoch)).toBe('cooldown');
    expect(slotToggleState(toggle, 600n, epoch)).toBe('inactive');
    expect(slotToggleState({ slotAdded: 5n, slotRemoved: 5n }, 10_000n, epoch)).toBe('inactive');
    expect(() => slotToggleState(toggle, 1n, 0n)).toThrow(/Epoch length/);
  });
});

describe('VRT valuation', () => {
  it('floors vrt × deposited / supply', () => {
    expect(vrtToSupportedTokens({ vrtSupply: 2n, tokensDeposited: 3n }, 1n)).toBe(1n); // 1.5
    expect(vrtToSupportedTokens({ vrtSupply: 3n, tokensDeposited: 2n }, 1n)).toBe(0n); // 0.66
    expect(vrtToSupportedTokens({ vrtSupply: 1_000_000_000n, tokensDeposited: 1_049_999_999n }, 1_000_000_000n)).toBe(1_049_999_999n);
    expect(vrtToSupportedTokens({ vrtSupply: 1_000_000_000n, tokensDeposited: 1_049_999_999n }, 3n)).toBe(3n); // 3.149…
  });

  it('does not overflow where u64 × u64 would', () => {
    const max = 2n ** 64n - 1n;
    expect(vrtToSupportedTokens({ vrtSupply: max, tokensDeposited: max - 1n }, max)).toBe(max - 1n);
  });

  it('gives 0 with no VRT outstanding and refuses negative amounts', () => {
    expect(vrtToSupportedTokens({ vrtSupply: 0n, tokensDeposited: 10_000n }, 5n)).toBe(0n);
    expect(() => vrtToSupportedTokens({ vrtSupply: 1n, tokensDeposited: 1n }, -1n)).toThrow(/negative/);
  });

  it('estimates a redemption with fees rounded up in VRT, then floors the tokens out', () => {
    const state = { vrtSupply: 1_000n, tokensDeposited: 1_100n, fees: { depositBps: 0, withdrawalBps: 25, nextWithdrawalBps: 25, rewardBps: 0, programBps: 10 } };
    // 1001 × 10 / 10000 = 1.001 → 2; 1001 × 25 / 10000 = 2.5025 → 3; burn 996; 996 × 1.1 = 1095.6 → 1095
    expect(estimateRedemption(state, 1_001n)).toEqual({ programFeeVrt: 2n, vaultFeeVrt: 3n, burnedVrt: 996n, outTokens: 1095n });
    expect(estimateRedemption(state, 0n)).toEqual({ programFeeVrt: 0n, vaultFeeVrt: 0n, burnedVrt: 0n, outTokens: 0n });
  });
});

describe('getProgramAccounts filters', () => {
  it('match the account size, the discriminator byte and the key offset', () => {
    expect(vaultDelegationsFilters(key(5))).toEqual([
      { dataSize: 632 },
      { memcmp: { offset: 0, bytes: '5' } }, // base58 of the single byte 4
      { memcmp: { offset: 8, bytes: key(5) } },
    ]);
    expect(vaultNcnTicketsFilters(key(5))).toEqual([
      { dataSize: 392 },
      { memcmp: { offset: 0, bytes: '4' } }, // base58 of the single byte 3
      { memcmp: { offset: 8, bytes: key(5) } },
    ]);
    expect(vaultByVrtMintFilters(key(6))).toEqual([
      { dataSize: 1111 },
      { memcmp: { offset: 0, bytes: '3' } }, // base58 of the single byte 2
      { memcmp: { offset: 40, bytes: key(6) } },
    ]);
  });
});
