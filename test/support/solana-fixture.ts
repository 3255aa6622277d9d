/**
 * Solana test data for the loopback RPC and Jito servers:
 * - the real Jito stake-pool account (../shared/fixtures/solana-jito-stake-pool/account.b64,
 *   epoch 1003) and a later one made of the real epoch-1052 slice (its first 330 bytes,
 *   which hold every field that moved) over the primary's fee tail;
 * - the real recorded stake accounts of ../shared/api-shapes/solana.getProgramAccounts.stake
 *   .example.json (staker 83wD…GMQH), plus synthetic ones for the other activation states;
 * - synthetic (labelled so) balances and a Jito vault at the real address of Fragmetric's
 *   JitoSOL vault (docs/research/jito-restaking.md), with two operators and one NCN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base58, base64 } from '@scure/base';
import { encodeVault, encodeVaultConfig, encodeVaultNcnTicket, encodeVaultOperatorDelegation, sampleVault } from './jito-vault-encode';
import type { SolanaState, StakeFixture } from './solana-rpc-server';

// import.meta.url, not __dirname: Playwright loads this file as an ES module ("type": "module").
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/solana-jito-stake-pool', import.meta.url));
const SHAPES = fileURLToPath(new URL('../../../shared/api-shapes', import.meta.url));
export const JITO_POOL = 'Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb';
export const JITOSOL_MINT = 'J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn';
export const SPL_STAKE_POOL = 'SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy';
export const VAULT_PROGRAM = 'Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8';
export const VAULT = 'CyGwYsiNg1FEYNCVXmPAixCkn2ZqWQVQJVy9RBCPNF7t';
export const VRT_MINT = 'FRj1uf9W7TsGfSoHc1gU6V2sKxs4wMhaXC5A8KjVYvA5';
export const VAULT_CONFIG = 'UwuSgAq4zByffCGCrWH87DsjfsewYjuqHfJEpzw1Jq3';
/** The staker of the recorded stake accounts. */
export const WALLET = '83wDqn8DFg5oh1WetQJwcyZySjxGkxWVKf3p39T6GMQH';
export const OPERATORS = ['9RCxZs2CEk1bJ7yXN8v2nPUQ6qkmaGZRfaUnMr5YnmqS', 'Ey7Jqy4oHbULyJbwGo8SnNzPHa5yqWGeZSbTCKBNC5Nq'];
export const NCN = 'jtoF4epChkmd75V2kxXSmywatczAomDqKu6VfWUQocT';
/** The decoded epoch-1003 and epoch-1052 values (fixture README). */
export const POOL_1003 = { totalLamports: 10017428761306367n, poolTokenSupply: 7760129241760375n, epoch: 1003n };
export const POOL_1052 = { totalLamports: 10441891934944817n, poolTokenSupply: 7999596645029641n, epoch: 1052n };
export const SLOTS_PER_EPOCH = 432_000n;

export const poolBytes1003 = (): Uint8Array => base64.decode(fs.readFileSync(path.join(FIXTURES, 'account.b64'), 'utf8').trim());

export function poolBytes1052(): Uint8Array {
  const slice = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'secondary/psychovr-spl-pools.jito-excerpt.json'), 'utf8')) as { accounts: { account: { data: [string, string] } }[] };
  const head = base64.decode(slice.accounts[0]!.account.data[0]);
  const bytes = poolBytes1003();
  bytes.set(head, 0);
  return bytes;
}

/** The recorded mainnet stake accounts (real), as the server's fixtures. */
export function recordedStakes(): StakeFixture[] {
  const file = JSON.parse(fs.readFileSync(path.join(SHAPES, 'solana.getProgramAccounts.stake.example.json'), 'utf8')) as {
    result: { pubkey: string; account: { lamports: number; data: { parsed: { info: { meta: { rentExemptReserve: string; authorized: { staker: string; withdrawer: string } }; stake: { delegation: { voter: string; stake: string; activationEpoch: string; deactivationEpoch: string } } | null } } } } }[];
  };
  return file.result.map(({ pubkey, account }) => {
    const { meta, stake } = account.data.parsed.info;
    const d = stake?.delegation;
    return {
      pubkey,
      lamports: BigInt(account.lamports),
      staker: meta.authorized.staker,
      withdrawer: meta.authorized.withdrawer,
      rentExemptReserve: BigInt(meta.rentExemptReserve),
      delegation: d ? { voter: d.voter, stake: BigInt(d.stake), activationEpoch: BigInt(d.activationEpoch), deactivationEpoch: BigInt(d.deactivationEpoch) } : null,
    };
  });
}

const NEVER = 2n ** 64n - 1n;
const VOTER = 'J2nUHEAgZFRyuJbFjdqPrAa9gyWDuc7hErtDQHPhsYRp';

/** Synthetic stake accounts of WALLET in the states the recorded ones do not cover, at `epoch`. */
export function syntheticStakes(epoch: bigint): StakeFixture[] {
  const account = (pubkey: string, stake: bigint, activationEpoch: bigint, deactivationEpoch: bigint): StakeFixture => ({
    pubkey,
    lamports: stake + 2_282_880n,
    staker: WALLET,
    withdrawer: WALLET,
    rentExemptReserve: 2_282_880n,
    delegation: { voter: VOTER, stake, activationEpoch, deactivationEpoch },
  });
  return [
    account('4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T', 50_000_000_000n, epoch - 100n, NEVER), // active
    account('8opHzTAnfzRpPEx21XtnrVTX28YQuCpAjcn1PczScKh', 7_000_000_000n, epoch, NEVER), // activating
    account('CuieVDEDtLo7FypA9SbLM9saXFdb1dsshEkyErMqkRQq', 3_000_000_000n, epoch - 50n, epoch), // deactivating
  ];
}

export interface SolanaFixture {
  state: SolanaState;
  /** Moves the chain to epoch 1052 with the later real pool account, `seconds` later. */
  advanceTo1052(seconds: number): void;
}

export const HOLDINGS = { lamports: 2_500_000_000n, jitoSol: 12_500_000_000n, vrt: 3_000_000_000n };
export const VAULT_AMOUNTS = { vrtSupply: 1_000_000_000_000n, tokensDeposited: 1_020_000_000_000n, delegated: [600_000_000_000n, 300_000_000_000n] };

export function solanaFixture(startTime: number): SolanaFixture {
  const accounts: SolanaState['accounts'] = new Map();
  accounts.set(JITO_POOL, { owner: SPL_STAKE_POOL, data: poolBytes1003(), lamports: 2_060_816_388n });
  const vault = sampleVault({ vrtMint: VRT_MINT, supportedMint: JITOSOL_MINT, vrtSupply: VAULT_AMOUNTS.vrtSupply, tokensDeposited: VAULT_AMOUNTS.tokensDeposited, operatorCount: 2n, ncnCount: 1n });
  accounts.set(VAULT, { owner: VAULT_PROGRAM, data: encodeVault(vault), lamports: 8_623_440n });
  OPERATORS.forEach((operator, index) => {
    const delegation = { vault: VAULT, operator, delegationState: { stakedAmount: VAULT_AMOUNTS.delegated[index]!, enqueuedForCooldownAmount: 0n, coolingDownAmount: 0n }, lastUpdateSlot: 0n, index: BigInt(index), bump: 254 };
    accounts.set(base58.encode(new Uint8Array(32).fill(index + 1)), { owner: VAULT_PROGRAM, data: encodeVaultOperatorDelegation(delegation), lamports: 5_289_600n });
  });
  const slot = POOL_1003.epoch * SLOTS_PER_EPOCH + 1_000n;
  accounts.set('TickeT1111111111111111111111111111111111111', { owner: VAULT_PROGRAM, data: encodeVaultNcnTicket({ vault: VAULT, ncn: NCN, index: 0n, state: { slotAdded: slot - 10n * SLOTS_PER_EPOCH, slotRemoved: 0n }, bump: 253 }), lamports: 3_619_200n });
  accounts.set(VAULT_CONFIG, {
    owner: VAULT_PROGRAM,
    data: encodeVaultConfig({ admin: WALLET, restakingProgram: 'RestkWeAVL8fRGgzhfeoqFhsqKRchg6aa1XrcH96z4Q', epochLength: SLOTS_PER_EPOCH, numVaults: 12n, depositWithdrawalFeeCapBps: 2000, feeRateOfChangeBps: 2500, feeBumpBps: 10, programFeeBps: 10, programFeeWallet: WALLET, feeAdmin: WALLET, bump: 255 }),
    lamports: 3_598_080n,
  });
  const state: SolanaState = {
    epoch: POOL_1003.epoch,
    slot,
    slotsInEpoch: SLOTS_PER_EPOCH,
    blockTime: startTime,
    balances: new Map([[WALLET, HOLDINGS.lamports]]),
    tokens: [
      { pubkey: 'BGocb4GEpbTFm8UFV2VsDSaBXHELPfAXrvd4vtt8QWrA', owner: WALLET, mint: JITOSOL_MINT, amount: HOLDINGS.jitoSol, decimals: 9, program: 'token' },
      { pubkey: '2je6rgKzzBX6SiYUpEhrshmpmEJvEewDNCkLq1Rbreh7', owner: WALLET, mint: VRT_MINT, amount: HOLDINGS.vrt, decimals: 9, program: 'token' },
    ],
    stakes: [...recordedStakes(), ...syntheticStakes(POOL_1003.epoch)],
    accounts,
  };
  return {
    state,
    advanceTo1052(seconds) {
      state.epoch = POOL_1052.epoch;
      state.slot = POOL_1052.epoch * SLOTS_PER_EPOCH + 1_000n;
      state.blockTime += seconds;
      accounts.get(JITO_POOL)!.data = poolBytes1052();
    },
  };
}
