import { describe, expect, it } from 'vitest';
import { PROTOCOL_RISK_RECORDS, riskRecordOf } from '../../shared/registry/audits';
import { BTC_LST_BABYLON } from '../../shared/registry/btc-lst-babylon';
import { EIGENLAYER } from '../../shared/registry/eigenlayer';
import { EVM_TOKENS } from '../../shared/registry/evm-tokens';
import { LRT_PROTOCOLS } from '../../shared/registry/lrt-protocols';
import { SOLANA_LSTS } from '../../shared/registry/solana-tokens';

const COMPILED = '2026-12-01';

/** An https URL, or `owner/repo path @ <40-hex commit>`. */
const REPO_REF = /^[A-Za-z0-9][\w.-]*\/[\w.-]+ \S.* @ [0-9a-f]{40}$/;

function isLink(link: string): boolean {
  if (REPO_REF.test(link)) return true;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** YYYY-MM or YYYY-MM-DD, a real calendar date, not after the compile date. */
function isPastDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d !== undefined) {
    const day = Number(d);
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return false;
  }
  // Compare as strings of the same precision: '2026-12' <= '2026-12', '2026-11-30' <= '2026-12-01'.
  return date <= COMPILED.slice(0, date.length);
}

/**
 * Protocol names as the registries spell them. EigenLayer is a platform rather than a token
 * issuer, so its name comes from its own registry module (shared/registry/eigenlayer.ts).
 */
const REGISTRY_PROTOCOLS = new Set<string>([
  ...EVM_TOKENS.map((token) => token.protocol),
  ...SOLANA_LSTS.map((token) => token.protocol),
  ...LRT_PROTOCOLS.map((item) => item.protocol),
  ...BTC_LST_BABYLON.map((item) => item.issuer),
  ...(EIGENLAYER.strategyManager ? ['EigenLayer'] : []),
]);

describe('date and link checks themselves', () => {
  it('accepts only real past dates of the two shapes', () => {
    expect(isPastDate('2024-02-29')).toBe(true);
    expect(isPastDate('2026-12')).toBe(true);
    expect(isPastDate('2026-12-01')).toBe(true);
    expect(isPastDate('2023-02-29')).toBe(false);
    expect(isPastDate('2024-13')).toBe(false);
    expect(isPastDate('2026-12-02')).toBe(false);
    expect(isPastDate('2027-01')).toBe(false);
    expect(isPastDate('March 2024')).toBe(false);
    expect(isPastDate('2024')).toBe(false);
  });

  it('accepts https URLs and repo paths at a full commit only', () => {
    expect(isLink('https://example.org/report.pdf')).toBe(true);
    expect(isLink('owner/repo audits/Report - May 2024.pdf @ ' + 'a'.repeat(40))).toBe(true);
    expect(isLink('http://example.org/report.pdf')).toBe(false);
    expect(isLink('owner/repo audits/report.pdf @ abc1234')).toBe(false);
    expect(isLink('')).toBe(false);
  });
});

describe('audits and disclosures registry', () => {
  it('has records, one per protocol', () => {
    expect(PROTOCOL_RISK_RECORDS.length).toBeGreaterThan(0);
    const names = PROTOCOL_RISK_RECORDS.map((record) => record.protocol);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names every protocol as the registries do', () => {
    for (const record of PROTOCOL_RISK_RECORDS) {
      expect(REGISTRY_PROTOCOLS.has(record.protocol), record.protocol).toBe(true);
    }
  });

  it('gives every audit an auditor, a real past date, a scope, a link and a source', () => {
    for (const record of PROTOCOL_RISK_RECORDS) {
      for (const audit of record.audits) {
        const label = `${record.protocol}: ${audit.auditor} ${audit.date}`;
        expect(audit.auditor.trim().length, label).toBeGreaterThan(1);
        expect(isPastDate(audit.date), label).toBe(true);
        expect(audit.scope.trim().length, label).toBeGreaterThan(10);
        expect(isLink(audit.link), `${label} link ${audit.link}`).toBe(true);
        expect(isLink(audit.source), `${label} source ${audit.source}`).toBe(true);
      }
    }
  });

  it('gives every incident a real past date, a title, a summary and a link', () => {
    for (const record of PROTOCOL_RISK_RECORDS) {
      for (const incident of record.incidents) {
        const label = `${record.protocol}: ${incident.title}`;
        expect(isPastDate(incident.date), label).toBe(true);
        expect(incident.title.trim().length, label).toBeGreaterThan(5);
        expect(incident.summary.trim().length, label).toBeGreaterThan(20);
        expect(isLink(incident.link), `${label} link ${incident.link}`).toBe(true);
      }
    }
  });

  it('gives every note a real past date, a text and a link', () => {
    for (const record of PROTOCOL_RISK_RECORDS) {
      for (const note of record.notes) {
        expect(isPastDate(note.date), `${record.protocol}: ${note.text}`).toBe(true);
        expect(note.text.trim().length).toBeGreaterThan(20);
        expect(isLink(note.link), `${record.protocol} note link ${note.link}`).toBe(true);
      }
    }
  });

  it('dates every record with the day it was compiled', () => {
    for (const record of PROTOCOL_RISK_RECORDS) expect(record.checked, record.protocol).toBe(COMPILED);
  });

  it('lists no audit twice for a protocol', () => {
    for (const record of PROTOCOL_RISK_RECORDS) {
      const links = record.audits.map((audit) => audit.link);
      expect(new Set(links).size, record.protocol).toBe(links.length);
    }
  });

  it('finds records by protocol name', () => {
    expect(riskRecordOf('Lido')?.protocol).toBe('Lido');
    // The token registry's name (risk-contracts.ts maps the LRT registry's 'Kelp DAO' to it).
    expect(riskRecordOf('Kelp')?.protocol).toBe('Kelp');
    expect(riskRecordOf('no such protocol')).toBeUndefined();
  });
});
