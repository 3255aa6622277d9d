/** Wallet labels: trimmed, NFC, at most 64 characters, no control or bidi-control characters. */

export const MAX_LABEL_LENGTH = 64;

// C0/C1 controls and DEL, plus the bidi embedding/override/isolate controls and marks
// that can make a label display differently from what it is (Trojan Source, CVE-2021-42574).
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export type LabelCheck = { ok: true; label: string | null } | { ok: false; reason: string };

export function normalizeLabel(input: string | null | undefined): LabelCheck {
  if (input === null || input === undefined) return { ok: true, label: null };
  const label = input.normalize('NFC').trim();
  if (label === '') return { ok: true, label: null };
  if (CONTROL.test(label)) return { ok: false, reason: 'Label contains a control character (tab, newline, …)' };
  if (BIDI_CONTROL.test(label)) {
    return { ok: false, reason: 'Label contains a bidirectional override character, which can disguise text' };
  }
  const length = [...label].length;
  if (length > MAX_LABEL_LENGTH) {
    return { ok: false, reason: `Label is ${length} characters long; at most ${MAX_LABEL_LENGTH} are allowed` };
  }
  return { ok: true, label };
}
