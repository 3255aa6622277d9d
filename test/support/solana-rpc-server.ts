/**
 * A loopback Solana JSON-RPC 2.0 server answering in the documented shapes
 * (../shared/api-shapes/solana-rpc.md and its example files): getEpochInfo, getBlockTime,
 * getBalance, getTokenAccountsByOwner (jsonParsed; Token and Token-2022 apart),
 * getProgramAccounts (Stake program jsonParsed with memcmp on staker/withdrawer; any other
 * program base64 with dataSize/memcmp filters on the bytes) and getMultipleAccounts
 * (base64). rentEpoch is the exact u64::MAX, as the real RPC sends it. Tests set the state
 * and can force an HTTP status, a JSON-RPC error or a malformed body per method.
 */
import http from 'node:http';
import { listenLoopback } from './loopback';
import { base58, base64 } from '@scure/base';

const U64_MAX = '18446744073709551615';
const TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022 = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const STAKE = 'Stake11111111111111111111111111111111111111';

export interface TokenHolding {
  pubkey: string;
  owner: string;
  mint: string;
  amount: bigint;
  decimals: number;
  program: 'token' | 'token-2022';
}

export interface StakeFixture {
  pubkey: string;
  lamports: bigint;
  staker: string;
  withdrawer: string;
  rentExemptReserve: bigint;
  delegation: { voter: string; stake: bigint; activationEpoch: bigint; deactivationEpoch: bigint } | null;
}

export interface SolanaState {
  epoch: bigint;
  slot: bigint;
  slotsInEpoch: bigint;
  blockTime: number;
  balances: Map<string, bigint>;
  tokens: TokenHolding[];
  stakes: StakeFixture[];
  /** Raw accounts by pubkey (stake pools, vaults, delegations, tickets, config). */
  accounts: Map<string, { owner: string; data: Uint8Array; lamports: bigint }>;
}

export type Fault = { kind: 'status'; status: number; retryAfter?: number; times?: number } | { kind: 'rpc-error'; code: number; message: string } | { kind: 'malformed' };

export interface SolanaRpcServer {
  url: string;
  state: SolanaState;
  calls: string[];
  fault(method: string, fault: Fault | null): void;
  close(): Promise<void>;
}

const context = (state: SolanaState) => ({ apiVersion: '2.0.15', slot: Number(state.slot) });
const rawAccount = (account: { owner: string; data: Uint8Array; lamports: bigint }) => ({
  data: [base64.encode(account.data), 'base64'],
  executable: false,
  lamports: account.lamports,
  owner: account.owner,
  rentEpoch: U64_MAX,
  space: account.data.length,
});

function tokenAccount(holding: TokenHolding) {
  const classic = holding.program === 'token';
  const amount = holding.amount.toString();
  const ui = amount.padStart(holding.decimals + 1, '0');
  const uiAmountString = `${ui.slice(0, ui.length - holding.decimals)}.${ui.slice(ui.length - holding.decimals)}`.replace(/\.?0+$/, '') || '0';
  const info: Record<string, unknown> = {
    isNative: false,
    mint: holding.mint,
    owner: holding.owner,
    state: 'initialized',
    tokenAmount: { amount, decimals: holding.decimals, uiAmount: Number(uiAmountString), uiAmountString },
  };
  if (!classic) info.extensions = [{ extension: 'immutableOwner' }];
  return {
    pubkey: holding.pubkey,
    account: {
      data: { program: classic ? 'spl-token' : 'spl-token-2022', parsed: { info, type: 'account' }, space: classic ? 165 : 170 },
      executable: false,
      lamports: 2_039_280n,
      owner: classic ? TOKEN : TOKEN_2022,
      rentEpoch: U64_MAX,
      space: classic ? 165 : 170,
    },
  };
}

function stakeAccount(stake: StakeFixture) {
  const meta = { authorized: { staker: stake.staker, withdrawer: stake.withdrawer }, lockup: { custodian: '11111111111111111111111111111111', epoch: 0, unixTimestamp: 0 }, rentExemptReserve: stake.rentExemptReserve.toString() };
  const delegation = stake.delegation;
  const parsed = delegation
    ? { info: { meta, stake: { creditsObserved: 101316504, delegation: { activationEpoch: delegation.activationEpoch.toString(), deactivationEpoch: delegation.deactivationEpoch.toString(), stake: delegation.stake.toString(), voter: delegation.voter } } }, type: 'delegated' }
    : { info: { meta, stake: null }, type: 'initialized' };
  return { account: { data: { parsed, program: 'stake', space: 200 }, executable: false, lamports: stake.lamports, owner: STAKE, rentEpoch: U64_MAX, space: 200 }, pubkey: stake.pubkey };
}

type Filter = { dataSize?: number; memcmp?: { offset: number; bytes: string } };

const matches = (data: Uint8Array, filters: Filter[]) =>
  filters.every((filter) => {
    if (filter.dataSize !== undefined) return data.length === filter.dataSize;
    if (!filter.memcmp) return true;
    const want = base58.decode(filter.memcmp.bytes);
    return want.every((byte, index) => data[filter.memcmp!.offset + index] === byte);
  });

function answer(state: SolanaState, method: string, params: unknown[]): unknown {
  const options = (params.at(-1) ?? {}) as { filters?: Filter[] };
  switch (method) {
    case 'getEpochInfo':
      return { absoluteSlot: state.slot, blockHeight: state.slot - 1000n, epoch: state.epoch, slotIndex: state.slot % state.slotsInEpoch, slotsInEpoch: state.slotsInEpoch, transactionCount: 22661093 };
    case 'getBlockTime':
      return BigInt(params[0] as number) === state.slot ? state.blockTime : state.blockTime - Math.round(Number(state.slot - BigInt(params[0] as number)) * 0.4);
    case 'getBalance':
      return { context: context(state), value: state.balances.get(params[0] as string) ?? 0n };
    case 'getTokenAccountsByOwner': {
      const program = (params[1] as { programId: string }).programId === TOKEN ? 'token' : 'token-2022';
      return { context: context(state), value: state.tokens.filter((item) => item.owner === params[0] && item.program === program).map(tokenAccount) };
    }
    case 'getProgramAccounts': {
      const filters = options.filters ?? [];
      if (params[0] === STAKE) {
        const memcmp = filters.find((filter) => filter.memcmp)?.memcmp;
        return state.stakes.filter((stake) => (memcmp?.offset === 12 ? stake.staker : stake.withdrawer) === memcmp?.bytes).map(stakeAccount);
      }
      return [...state.accounts].filter(([, account]) => account.owner === params[0] && matches(account.data, filters)).map(([pubkey, account]) => ({ account: rawAccount(account), pubkey }));
    }
    case 'getMultipleAccounts':
      return { context: context(state), value: (params[0] as string[]).map((key) => (state.accounts.has(key) ? rawAccount(state.accounts.get(key)!) : null)) };
    default:
      throw Object.assign(new Error(`Method not found`), { code: -32601 });
  }
}

/** JSON with bigint written as exact integer literals, like the validator's serializer. */
const exactJson = (value: unknown) => JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? `__int__${item}` : item)).replace(/"__int__(\d+)"/g, '$1').replace(new RegExp(`"${U64_MAX}"`, 'g'), U64_MAX);

export async function startSolanaRpcServer(state: SolanaState): Promise<SolanaRpcServer> {
  const faults = new Map<string, Fault>();
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = JSON.parse(body) as { id: unknown; method: string; params: unknown[] };
      calls.push(request.method);
      const fault = faults.get(request.method);
      if (fault?.kind === 'status') {
        if (fault.times !== undefined && --fault.times <= 0) faults.delete(request.method);
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...(fault.retryAfter ? { 'Retry-After': String(fault.retryAfter) } : {}) });
        return void res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: fault.status === 429 ? 429 : -32603, message: fault.status === 429 ? 'Too many requests for a specific RPC call' : 'Internal error' }, id: request.id }));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (fault?.kind === 'malformed') return void res.end('{"jsonrpc":"2.0","result":{"context":');
      if (fault?.kind === 'rpc-error') return void res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: fault.code, message: fault.message }, id: request.id }));
      try {
        res.end(exactJson({ jsonrpc: '2.0', result: answer(state, request.method, request.params ?? []), id: request.id }));
      } catch (cause) {
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: (cause as { code?: number }).code ?? -32603, message: (cause as Error).message }, id: request.id }));
      }
    });
  });
  const { url, close } = await listenLoopback(server);
  return {
    url,
    state,
    calls,
    fault: (method, fault) => (fault ? faults.set(method, fault) : faults.delete(method)),
    close,
  };
}
