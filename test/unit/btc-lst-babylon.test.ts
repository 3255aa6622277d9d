import { describe, it, expect } from 'vitest';
import { EVM_TOKENS } from '../../shared/registry/evm-tokens';
import { BTC_LST_BABYLON, issuerReportedBabylon } from '../../shared/registry/btc-lst-babylon';

const btcLstSymbols = [...new Set(EVM_TOKENS.filter((token) => token.kind === 'btc-lst').map((token) => token.symbol))];

const isCalendarDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

describe('BTC LST Babylon exposure (issuer-reported)', () => {
  it('has exactly one entry per btc-lst symbol of the EVM registry, and no others', () => {
    expect(btcLstSymbols.length).toBeGreaterThan(0);
    for (const symbol of btcLstSymbols) {
      expect(BTC_LST_BABYLON.filter((entry) => entry.symbol === symbol), symbol).toHaveLength(1);
      expect(issuerReportedBabylon(symbol)?.symbol).toBe(symbol);
    }
    for (const entry of BTC_LST_BABYLON) expect(btcLstSymbols, entry.symbol).toContain(entry.symbol);
    expect(issuerReportedBabylon('not-a-token')).toBeUndefined();
  });

  it('cites a dated source for every entry and every finality provider', () => {
    for (const entry of BTC_LST_BABYLON) {
      expect(entry.source.trim().length, entry.symbol).toBeGreaterThan(0);
      expect(entry.issuer.trim().length, entry.symbol).toBeGreaterThan(0);
      expect(entry.statement.trim().length, entry.symbol).toBeGreaterThan(0);
      expect(isCalendarDate(entry.sourceDate), `${entry.symbol} ${entry.sourceDate}`).toBe(true);
      for (const fp of entry.finalityProviders) {
        expect(fp.name.trim().length, entry.symbol).toBeGreaterThan(0);
        expect(fp.source.trim().length, `${entry.symbol} ${fp.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives finality-provider keys as null or 64 lower-case hex', () => {
    for (const entry of BTC_LST_BABYLON) {
      for (const fp of entry.finalityProviders) {
        if (fp.btcPk !== null) expect(fp.btcPk, `${entry.symbol} ${fp.name}`).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it("names a finality provider for every 'yes', or says why none is named", () => {
    for (const entry of BTC_LST_BABYLON.filter((e) => e.stakedOnBabylon === 'yes')) {
      const explained = /finality provider/i.test(entry.statement) && /\b(no|none|not)\b/i.test(entry.statement);
      expect(entry.finalityProviders.length > 0 || explained, entry.symbol).toBe(true);
    }
  });
});
