/**
 * JSON for values that hold bigints (chain reads stored in SQLite): a bigint is written as
 * {"$bigint":"<decimal>"} and read back as a bigint, so nothing is rounded through a float and
 * a string field that happens to hold digits stays a string.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? { $bigint: item.toString() } : item));
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const big = (item as { $bigint?: unknown }).$bigint;
      if (keys.length === 1 && typeof big === 'string' && /^-?\d+$/.test(big)) return BigInt(big);
    }
    return item;
  }) as T;
}
