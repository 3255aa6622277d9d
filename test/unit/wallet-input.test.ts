import { describe, expect, it } from 'vitest';
import { bech32 } from '@scure/base';
import { parseWalletInput } from '../../shared/domain/wallet/wallet-input';

const accept = (input: string) => {
  const result = parseWalletInput(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted: ${result.reason}`);
  return result.value;
};
const reject = (input: string) => {
  const result = parseWalletInput(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.reason;
};

describe('EVM addresses', () => {
  it('accepts EIP-55 checksummed and all-lower-case addresses, storing the checksummed form', () => {
    // vitalik.eth's address, as published on Etherscan.
    expect(accept('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')).toEqual({ kind: 'evm', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' });
    expect(accept('0xd8da6bf26964af9d7eed9e03e53415d37aa96045')).toEqual({ kind: 'evm', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' });
    // EIP-55 test vectors.
    expect(accept('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').kind).toBe('evm');
    expect(accept('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359').kind).toBe('evm');
    expect(accept('  0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0  ').kind).toBe('evm');
  });

  it('rejects a mixed-case address whose checksum is wrong, saying so', () => {
    expect(reject('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046')).toMatch(/checksum/);
    expect(reject('0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045')).toMatch(/checksum/);
  });

  it('rejects wrong lengths and characters', () => {
    expect(reject('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA9604')).toMatch(/40 hex digits/);
    expect(reject('0xg8dA6BF26964aF9D7eEd9e03E53415D37aA96045')).toMatch(/40 hex digits/);
    expect(reject('0x')).toMatch(/40 hex digits/);
    expect(reject('0Xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')).toMatch(/must start with 0x/);
  });
});

describe('ENS names', () => {
  it('recognises and normalises names (ENSIP-15)', () => {
    expect(accept('vitalik.eth')).toEqual({ kind: 'ens', name: 'vitalik.eth' });
    expect(accept('Vitalik.ETH')).toEqual({ kind: 'ens', name: 'vitalik.eth' });
    expect(accept('sub.name.eth')).toEqual({ kind: 'ens', name: 'sub.name.eth' });
  });

  it('rejects names that cannot be normalised', () => {
    expect(reject('bad\u200dname.eth')).toMatch(/ENS/);
  });
});

describe('Bitcoin addresses', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'p2pkh'], // genesis block coinbase
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'p2sh'], // Bitcoin wiki P2SH example
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'p2wpkh'], // BIP 173 test vector
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'p2wpkh'], // upper case is valid bech32
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'p2wsh'], // BIP 173
    ['bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr', 'p2tr'], // BIP 86 vector
  ])('accepts %s as %s', (address, type) => {
    const value = accept(address);
    expect(value).toMatchObject({ kind: 'bitcoin', type, address: address.startsWith('BC1') ? address.toLowerCase() : address });
  });

  it('names the network of testnet and regtest addresses', () => {
    expect(reject('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx')).toMatch(/testnet/); // BIP 173
    expect(reject('mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn')).toMatch(/testnet or regtest/);
    expect(reject('2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc')).toMatch(/testnet or regtest/);
    const regtest = bech32.encode('bcrt', [0, ...bech32.toWords(new Uint8Array(20).fill(7))]);
    expect(reject(regtest)).toMatch(/regtest/);
  });

  it('rejects bad checksums, wrong encodings and mixed case', () => {
    expect(reject('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toMatch(/checksum/);
    expect(reject('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toMatch(/bech32/);
    expect(reject('bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatch(/mixes upper and lower/);
    // BIP 350 invalid vector: v1 program encoded with bech32 instead of bech32m.
    expect(reject('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd')).toMatch(/bech32m/);
    // BIP 350 invalid vector: v0 program encoded with bech32m.
    expect(reject('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh')).toMatch(/bech32, not bech32m/);
  });
});

describe('Solana addresses', () => {
  it('accepts base58 32-byte keys', () => {
    expect(accept('So11111111111111111111111111111111111111112')).toEqual({ kind: 'solana', address: 'So11111111111111111111111111111111111111112' });
    expect(accept('J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn').kind).toBe('solana'); // JitoSOL mint
    expect(accept('11111111111111111111111111111111').kind).toBe('solana'); // System program
  });

  it('rejects wrong lengths and non-base58 characters', () => {
    expect(reject('So1111111111111111111111111111111111111111')).toMatch(/32 bytes/);
    expect(reject('J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCP0')).toMatch(/Not a recognised address|base58/);
  });
});

describe('anything else', () => {
  it('explains what is expected', () => {
    expect(reject('')).toMatch(/empty/);
    expect(reject('hello world')).toMatch(/EVM address.*ENS.*Solana.*Bitcoin/);
  });
});
