/**
 * The last block at or before a timestamp. Block times only grow with the number, so the
 * answer is found by searching a bracket [below, above] of known blocks: each round reads
 * two neighbouring blocks (one HTTP request with batching) at the point interpolation
 * predicts, which on a chain with a steady slot time closes the bracket in two or three
 * rounds. When a round fails to halve the bracket the next one bisects, so the worst case
 * stays O(log n) reads. Brackets start from cached block times (see block-times.repo.ts).
 */

export interface BlockTime {
  number: bigint;
  /** unix seconds */
  timestamp: number;
}

export interface BlockSearchInput {
  target: number;
  /** The newest block the search may return (the pinned head). */
  head: BlockTime;
  /** The best known blocks around the target from the cache, if any. */
  below?: BlockTime | null;
  above?: BlockTime | null;
  readTime: (number: bigint) => Promise<number>;
}

export interface BlockSearchResult {
  /** null: the chain's first block is after the target (not enough history). */
  block: BlockTime | null;
  /** Every block read, to store in the cache. */
  probes: BlockTime[];
}

export async function findBlockAtOrBefore(input: BlockSearchInput): Promise<BlockSearchResult> {
  const { target, head, readTime } = input;
  const probes: BlockTime[] = [];
  const read = async (number: bigint): Promise<BlockTime> => {
    const block = { number, timestamp: await readTime(number) };
    probes.push(block);
    return block;
  };
  if (head.timestamp <= target) return { block: head, probes };

  let hi: BlockTime = input.above && input.above.number < head.number && input.above.timestamp > target ? input.above : head;
  const cached = input.below && input.below.timestamp <= target && input.below.number < hi.number ? input.below : null;
  let lo: BlockTime = cached ?? (await read(0n));
  if (lo.timestamp > target) return { block: null, probes };

  let bisect = false;
  while (hi.number - lo.number > 1n) {
    const span = hi.number - lo.number;
    const guess: bigint = bisect ? lo.number + span / 2n : interpolate(lo, hi, target);
    // The guess and its successor: if the target falls between them the search is over.
    const first: bigint = guess < hi.number - 1n ? guess : hi.number - 2n > lo.number ? hi.number - 2n : lo.number + 1n;
    const pair: bigint[] = first + 1n < hi.number ? [first, first + 1n] : [first];
    const blocks = await Promise.all(pair.map(read));
    for (const block of blocks) {
      if (block.timestamp <= target) {
        if (block.number > lo.number) lo = block;
      } else if (block.number < hi.number) hi = block;
    }
    bisect = !bisect && hi.number - lo.number > span / 2n;
  }
  return { block: lo, probes };
}

/** Where the target falls if block times were even between lo and hi, kept strictly inside. */
function interpolate(lo: BlockTime, hi: BlockTime, target: number): bigint {
  const span = hi.number - lo.number;
  const fraction = (target - lo.timestamp) / (hi.timestamp - lo.timestamp);
  const guess = lo.number + BigInt(Math.floor(fraction * Number(span)));
  if (guess <= lo.number) return lo.number + 1n;
  if (guess >= hi.number) return hi.number - 1n;
  return guess;
}
