import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { CHAIN_IDS, MULTICALL3_ADDRESS } from '../../shared/registry/chains';
import { NETWORK_IDS, NETWORKS } from '../../shared/registry/networks';
import { EVM_TOKENS, tokensOn } from '../../shared/registry/evm-tokens';

describe('token registry', () => {
  it('has EIP-55 addresses, a cited source for each, and no duplicates per chain', () => {
    const seen = new Set<string>();
    for (const token of EVM_TOKENS) {
      expect(getAddress(token.address)).toBe(token.address);
      expect(token.source).toMatch(/https?:\/\/|\.md|README|\//);
      const key = `${token.chain}:${token.address.toLowerCase()}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('covers the first registry the foundation promises', () => {
    expect(tokensOn('ethereum').map((token) => token.symbol).sort()).toEqual(
      expect.arrayContaining(['cbETH', 'ezETH', 'rETH', 'rsETH', 'stETH', 'weETH', 'wstETH']),
    );
    expect(tokensOn('arbitrum').map((token) => token.symbol)).toContain('weETH');
    expect(tokensOn('base').map((token) => token.symbol)).toContain('weETH');
  });

  it('gives each network https defaults with sources and a checksummed Multicall3', () => {
    expect(getAddress(MULTICALL3_ADDRESS)).toBe(MULTICALL3_ADDRESS);
    expect(NETWORK_IDS).toEqual([...CHAIN_IDS, 'solana', 'bitcoin']);
    for (const chain of NETWORK_IDS) {
      const info = NETWORKS[chain];
      expect(info.defaultRpcUrls.length).toBeGreaterThan(0);
      expect(info.rpcSources.length).toBe(info.defaultRpcUrls.length);
      for (const url of info.defaultRpcUrls) expect(new URL(url).protocol).toBe('https:');
    }
  });
});

describe('price feeds', () => {
  it('has checksummed USD feeds with a heartbeat for each underlying', async () => {
    const { USD_FEEDS } = await import('../../shared/registry/price-feeds');
    expect(USD_FEEDS.map((feed) => feed.underlying).sort()).toEqual(['BTC', 'ETH', 'SOL']);
    for (const feed of USD_FEEDS) {
      expect(getAddress(feed.feed)).toBe(feed.feed);
      expect(feed.heartbeatSeconds).toBeGreaterThan(0);
    }
  });
});
