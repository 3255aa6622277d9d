/** Block-for-timestamp search against a synthetic chain (the anvil version is in integration). */
import { describe, expect, it } from 'vitest';
import { findBlockAtOrBefore, type BlockTime } from '../../electron/main/chain/evm/block-search';

/** Block times with irregular gaps (missed slots, a slow era), strictly increasing. */
function chain(length: number): number[] {
  const times = [1_000_000];
  for (let i = 1; i < length; i += 1) times.push(times[i - 1]! + (i < length / 3 ? 14 : 12) + (i % 97 === 0 ? 36 : 0) + (i % 13 === 0 ? 12 : 0));
  return times;
}

function brute(times: number[], target: number): number | null {
  let found: number | null = null;
  times.forEach((time, index) => {
    if (time <= target) found = index;
  });
  return found;
}

async function search(times: number[], target: number, cache: { below?: BlockTime; above?: BlockTime } = {}) {
  let reads = 0;
  const head = { number: BigInt(times.length - 1), timestamp: times.at(-1)! };
  const result = await findBlockAtOrBefore({ target, head, ...cache, readTime: async (n) => (reads++, times[Number(n)]!) });
  return { block: result.block === null ? null : Number(result.block.number), reads };
}

describe('findBlockAtOrBefore', () => {
  const times = chain(200_000);
  const bound = 4 * Math.ceil(Math.log2(times.length)) + 2;

  it('finds the last block at or before every kind of target, within O(log n) reads', async () => {
    const targets = [times[0]! - 1, times[0]!, times[1]! - 1, times[12_345]!, times[12_345]! + 5, times[150_000]! - 1, times.at(-2)!, times.at(-1)! + 100];
    for (const target of targets) {
      const { block, reads } = await search(times, target);
      expect(block, `target ${target}`).toBe(brute(times, target));
      expect(reads).toBeLessThanOrEqual(bound);
    }
  });

  it('needs few reads from a cached bracket, and ignores a bracket that does not hold the target', async () => {
    const target = times[150_000]! + 3;
    const cached = await search(times, target, { below: { number: 149_000n, timestamp: times[149_000]! }, above: { number: 151_000n, timestamp: times[151_000]! } });
    expect(cached.block).toBe(brute(times, target));
    expect(cached.reads).toBeLessThanOrEqual(6);
    const wrong = await search(times, target, { below: { number: 160_000n, timestamp: times[160_000]! } });
    expect(wrong.block).toBe(brute(times, target));
  });

  it('answers null when the chain starts after the target', async () => {
    expect((await search(times, 10)).block).toBeNull();
  });
});
