import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { SPL_STAKE_POOL_PROGRAM } from '../../shared/domain/solana/stake-pool';
import {
  SOL_NATIVE,
  SOLANA_LSTS,
  SOLANA_TOKEN_PROGRAMS,
  STAKE_POOL_LAYOUT_PROGRAMS,
  solanaLstByMint,
  solanaLstSchema,
} from '../../shared/registry/solana-tokens';

const isKey = (value: string) => base58.decode(value).length === 32 && base58.encode(base58.decode(value)) === value;
// A citation names a repository path, a commit, a URL or a fixture.
const CITES = /@ [0-9a-f]{40}|https?:\/\/|\.(rs|ts|toml|json|md)\b/;

describe('Solana registry', () => {
  it('has canonical 32-byte base58 mints, pools and programs', () => {
    const keys = [
      ...Object.values(SOLANA_TOKEN_PROGRAMS),
      ...STAKE_POOL_LAYOUT_PROGRAMS,
      ...SOLANA_LSTS.flatMap((token) => [token.mint, token.tokenProgram, ...(token.nav.type === 'spl-stake-pool' ? [token.nav.pool, token.nav.program] : [])]),
    ];
    for (const key of keys) expect(isKey(key), key).toBe(true);
  });

  it('cites a source for every entry, NAV and market id, and says why a NAV is missing', () => {
    expect(SOL_NATIVE.source).toMatch(CITES);
    for (const token of SOLANA_LSTS) {
      expect(token.source, token.symbol).toMatch(CITES);
      if (token.nav.type === 'spl-stake-pool') expect(token.nav.source, token.symbol).toMatch(CITES);
      else expect(token.nav.reason.length, token.symbol).toBeGreaterThan(20);
      if (token.coingecko) expect(token.coingecko.source.length, token.symbol).toBeGreaterThan(20);
    }
  });

  it('has no duplicate symbols, mints or pools', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(SOLANA_LSTS.map((token) => token.symbol.toLowerCase()))).toBe(true);
    expect(unique(SOLANA_LSTS.map((token) => token.mint))).toBe(true);
    const pools = SOLANA_LSTS.flatMap((token) => (token.nav.type === 'spl-stake-pool' ? [token.nav.pool] : []));
    expect(unique(pools)).toBe(true);
    expect(unique([...STAKE_POOL_LAYOUT_PROGRAMS])).toBe(true);
  });

  it('values JitoSOL from the Jito pool of the SPL program, and finds tokens by mint', () => {
    const jito = solanaLstByMint('J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn');
    expect(jito?.symbol).toBe('JitoSOL');
    expect(jito?.decimals).toBe(9);
    expect(jito?.nav).toMatchObject({ type: 'spl-stake-pool', pool: 'Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb', program: SPL_STAKE_POOL_PROGRAM });
    expect(solanaLstByMint('mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So')?.nav.type).toBe('none');
    expect(solanaLstByMint('So11111111111111111111111111111111111111112')).toBeUndefined();
  });

  const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/solana-jito-stake-pool/expected.json');
  it.skipIf(!existsSync(fixture))(`agrees with the decoded Jito pool fixture${existsSync(fixture) ? '' : ` (skipped: ${fixture} not found)`}`, () => {
    const expected = JSON.parse(readFileSync(fixture, 'utf8'));
    const jito = solanaLstByMint(expected.pool_mint);
    expect(jito?.tokenProgram).toBe(expected.token_program_id);
  });

  it('refuses a bad entry at load', () => {
    const [good] = SOLANA_LSTS;
    if (!good) throw new Error('registry is empty');
    expect(solanaLstSchema.safeParse(good).success).toBe(true);
    // 31 bytes; a non-canonical (leading-zero padded) key; a non-base58 character.
    expect(solanaLstSchema.safeParse({ ...good, mint: base58.encode(new Uint8Array(31).fill(1)) }).success).toBe(false);
    expect(solanaLstSchema.safeParse({ ...good, mint: `1${good.mint}` }).success).toBe(false);
    expect(solanaLstSchema.safeParse({ ...good, mint: good.mint.replace(/.$/, '0') }).success).toBe(false);
    expect(solanaLstSchema.safeParse({ ...good, tokenProgram: SPL_STAKE_POOL_PROGRAM }).success).toBe(false);
    expect(solanaLstSchema.safeParse({ ...good, nav: { type: 'spl-stake-pool', pool: good.mint, program: SOLANA_TOKEN_PROGRAMS.token, source: good.source } }).success).toBe(false);
    expect(solanaLstSchema.safeParse({ ...good, source: '' }).success).toBe(false);
  });
});
