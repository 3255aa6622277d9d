import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { EVM_TOKENS } from '../../shared/registry/evm-tokens';
import { LRT_PROTOCOLS } from '../../shared/registry/lrt-protocols';
import { RISK_CONTRACTS, riskContractsOf } from '../../shared/registry/risk-contracts';

describe('risk contracts registry', () => {
  it('gives every entry a checksummed address, a role, a name and a source', () => {
    expect(RISK_CONTRACTS.length).toBeGreaterThan(0);
    for (const entry of RISK_CONTRACTS) {
      expect(getAddress(entry.address), entry.name).toBe(entry.address);
      expect(['token', 'nav', 'deposit', 'withdraw']).toContain(entry.role);
      expect(entry.name.length, entry.address).toBeGreaterThan(3);
      expect(entry.source.length, entry.name).toBeGreaterThan(20);
      // A repository path at a commit, a documentation URL, or another registry entry (which carries one).
      expect(entry.source, entry.name).toMatch(/@[0-9a-f]{7}|https:\/\/|^registry: /);
    }
  });

  it('lists each address once per role', () => {
    const keys = RISK_CONTRACTS.map((entry) => `${entry.address.toLowerCase()}:${entry.role}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every mainnet token and every LRT protocol, under the token registry protocol names', () => {
    for (const token of EVM_TOKENS.filter((item) => item.chain === 'ethereum')) {
      expect(RISK_CONTRACTS.some((entry) => entry.role === 'token' && entry.address === token.address), token.symbol).toBe(true);
    }
    // EigenLayer is the one protocol without a token of its own: native positions and every LRT run through it.
    const tokenProtocols = new Set([...EVM_TOKENS.map((token) => token.protocol), 'EigenLayer']);
    for (const entry of RISK_CONTRACTS) expect(tokenProtocols.has(entry.protocol), entry.protocol).toBe(true);
    expect(LRT_PROTOCOLS.length).toBeGreaterThan(0);
    expect(riskContractsOf('EigenLayer').map((entry) => entry.name)).toEqual([
      'EigenLayer StrategyManager',
      'EigenLayer EigenPodManager',
      'EigenLayer DelegationManager (withdrawal queue)',
      'EigenLayer AllocationManager (slashing)',
    ]);
    expect(riskContractsOf('Kelp').map((entry) => entry.role).sort()).toEqual(['deposit', 'nav', 'nav', 'token', 'withdraw']);
    const withdraw = (protocol: string) => riskContractsOf(protocol).filter((entry) => entry.role === 'withdraw').map((entry) => entry.name);
    expect(withdraw('Lido')).toEqual(['Lido WithdrawalQueueERC721']);
    expect(withdraw('ether.fi')).toEqual(['ether.fi WithdrawRequestNFT', 'ether.fi EtherFiRedemptionManager (instant redemption)']);
    expect(['Renzo', 'Puffer', 'Mantle', 'Stader'].map((protocol) => withdraw(protocol).length)).toEqual([1, 1, 1, 1]);
  });
});
