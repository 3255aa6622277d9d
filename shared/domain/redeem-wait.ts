/**
 * The expected wait to redeem a position through its protocol, from its exit route
 * (shared/registry/exit-routes.ts), the route's params read at a block, and the current
 * block and time. Chain-read delays win over documented ones; a documented wait is used only
 * when nothing on chain tells it or the read failed, and "unknown" says so plainly.
 */
import type { ExitRoute, WaitModel } from '../registry/exit-routes';

export type ParamRead = { ok: true; value: bigint | boolean } | { ok: false; error: string };

export interface RedeemWait {
  minSeconds: number | null;
  maxSeconds: number | null;
  basis: 'chain' | 'documented' | 'unknown';
  text: string;
  source: string;
}

export interface RedeemWaitInput {
  route: ExitRoute;
  params: Readonly<Record<string, ParamRead>>;
  now: { block: bigint; timestamp: number };
  /** Underlying (ETH) amount to redeem, compared with liquidity buffers. */
  amount?: bigint;
  /** An existing request: the wait left is counted from it. */
  requestedAt?: { block: bigint; timestamp: number };
}

/**
 * Post-merge Ethereum block time (one block per 12 s slot), the same conversion the
 * protocols use: Kelp `8 days / 12 seconds` (LRTWithdrawalManager.sol L69 @c289b81),
 * EigenLayer 100800 blocks for 14 days (script/configs/mainnet.json @f84a515).
 */
export const SECONDS_PER_BLOCK = 12n;
const DAY = 86_400;

export function formatWait(seconds: number): string {
  if (seconds === 0) return 'instant';
  if (seconds % DAY === 0) return `${seconds / DAY} day${seconds === DAY ? '' : 's'}`;
  if (seconds >= DAY) return `${(seconds / DAY).toFixed(1)} days`;
  return `${(seconds / 3600).toFixed(1)} hours`;
}

const days = (value: number | null) => (value === null ? null : value * DAY);
const max0 = (value: bigint) => (value > 0n ? value : 0n);

function documented(route: ExitRoute, reason: string | null): RedeemWait {
  const doc = route.documentedWait;
  const prefix = reason ? `${reason}; ` : '';
  if (!doc) return { minSeconds: null, maxSeconds: null, basis: 'unknown', text: `${prefix}no documented wait found`, source: route.contract?.source ?? route.sources[0] ?? 'none' };
  return { minSeconds: days(doc.minDays), maxSeconds: days(doc.maxDays), basis: 'documented', text: `${prefix}documented (${doc.asOf}): ${doc.text}`, source: doc.source };
}

function readNumber(input: RedeemWaitInput, id: string): { value: bigint } | { error: string } {
  const read = input.params[id];
  if (!read) return { error: `${id} not read` };
  if (!read.ok) return { error: `${id} not read: ${read.error}` };
  return typeof read.value === 'bigint' ? { value: read.value } : { error: `${id} is not a number` };
}

const sourceOf = (route: ExitRoute, id: string) => route.params.find((param) => param.id === id)?.source ?? route.sources[0] ?? 'none';

function delayWait(input: RedeemWaitInput, model: Extract<WaitModel, { type: 'delay' }>): RedeemWait {
  const { route, now, requestedAt, amount } = input;
  const delay = readNumber(input, model.param);
  if ('error' in delay) return documented(route, delay.error);
  let remaining: bigint;
  if (model.unit === 'blocks') {
    const opens = (requestedAt?.block ?? now.block) + delay.value + (model.strict ? 1n : 0n);
    remaining = max0(opens - now.block) * SECONDS_PER_BLOCK;
  } else {
    remaining = max0(BigInt(requestedAt?.timestamp ?? now.timestamp) + delay.value - BigInt(now.timestamp));
  }
  if (remaining > BigInt(Number.MAX_SAFE_INTEGER)) return documented(route, `${model.param} = ${delay.value} is out of range`);
  const minSeconds = Number(remaining);
  const what = `${model.param} = ${delay.value} ${model.unit}${model.unit === 'blocks' ? ` × ${SECONDS_PER_BLOCK} s` : ''}`;
  const notes: string[] = [];
  let exact = model.exact;
  if (model.buffer && amount !== undefined) {
    const buffer = readNumber(input, model.buffer);
    if ('error' in buffer) {
      exact = false;
      notes.push(`${buffer.error}, so the buffer may not cover the amount`);
    } else if (buffer.value < amount) {
      exact = false;
      notes.push(`${model.buffer} (${buffer.value} wei) is below the amount (${amount} wei): the protocol must refill it first`);
    }
  }
  const documentedMax = days(route.documentedWait?.maxDays ?? null);
  const maxSeconds = exact ? minSeconds : documentedMax !== null && documentedMax >= minSeconds ? documentedMax : null;
  if (!exact) notes.push(maxSeconds === null ? 'a lower bound; no documented maximum' : `a lower bound; documented up to ${formatWait(maxSeconds)}`);
  const head = requestedAt ? `${formatWait(minSeconds)} left` : formatWait(minSeconds);
  return { minSeconds, maxSeconds, basis: 'chain', text: [`${head} (${what})`, ...notes].join('; '), source: sourceOf(route, model.param) };
}

function bufferWait(input: RedeemWaitInput, model: Extract<WaitModel, { type: 'buffer' }>): RedeemWait {
  const { route, amount } = input;
  const buffer = readNumber(input, model.param);
  const source = sourceOf(route, model.param);
  if ('error' in buffer) {
    return model.otherwise === 'documented' ? documented(route, buffer.error) : { minSeconds: null, maxSeconds: null, basis: 'unknown', text: buffer.error, source };
  }
  if (amount === undefined) {
    if (buffer.value > 0n) return { minSeconds: 0, maxSeconds: 0, basis: 'chain', text: `instant up to ${buffer.value} wei (${model.param})`, source };
  } else if (buffer.value >= amount) {
    return { minSeconds: 0, maxSeconds: 0, basis: 'chain', text: `instant: ${model.param} ${buffer.value} wei covers ${amount} wei`, source };
  }
  const short = amount === undefined ? `${model.param} is 0` : `${model.param} ${buffer.value} wei < ${amount} wei`;
  if (model.otherwise === 'documented') return documented(route, `not instant (${short}), so through the queue`);
  return { minSeconds: null, maxSeconds: null, basis: 'chain', text: `not instantly redeemable: ${short}`, source };
}

export function redeemWait(input: RedeemWaitInput): RedeemWait {
  const { wait } = input.route;
  switch (wait.type) {
    case 'delay':
      return delayWait(input, wait);
    case 'buffer':
      return bufferWait(input, wait);
    case 'documented':
      return documented(input.route, null);
  }
}
