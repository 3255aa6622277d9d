import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../shared/domain/wallet/label';

describe('normalizeLabel', () => {
  it('trims, normalises to NFC, and maps empty to null', () => {
    expect(normalizeLabel('  Cold storage ')).toEqual({ ok: true, label: 'Cold storage' });
    // "é" as e + combining acute (NFD) becomes the single code point U+00E9.
    expect(normalizeLabel('Caf\u0065\u0301')).toEqual({ ok: true, label: 'Caf\u00e9' });
    expect(normalizeLabel('   ')).toEqual({ ok: true, label: null });
    expect(normalizeLabel(null)).toEqual({ ok: true, label: null });
  });

  it('counts characters, not UTF-16 units, against the 64 limit', () => {
    expect(normalizeLabel('🦊'.repeat(64))).toEqual({ ok: true, label: '🦊'.repeat(64) });
    const long = normalizeLabel('a'.repeat(65));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toMatch(/65 characters.*at most 64/);
  });

  it('rejects control and bidi override characters', () => {
    for (const bad of ['tab\there', 'line\nbreak', 'nul\u0000', 'del\u007f', 'c1\u0085']) {
      const result = normalizeLabel(bad);
      expect(!result.ok && result.reason).toMatch(/control character/);
    }
    for (const bad of ['evil\u202eexe.txt', 'iso\u2066late', 'rlm\u200f']) {
      const result = normalizeLabel(bad);
      expect(!result.ok && result.reason).toMatch(/bidirectional/);
    }
  });
});
