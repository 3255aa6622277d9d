/**
 * Error messages quote what a person (or a web page holding the browser-mode token) typed.
 * Shown raw, a control character could rewrite a terminal (ANSI escapes, a fake second line)
 * and a bidi override could make a path read backwards; here they become visible escapes.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** At most this many characters: a message quoting a 2 MB paste is no longer a message. */
export const MAX_MESSAGE_LENGTH = 2_000;

/** One line with every control, bidi and lone-surrogate character written as `\uXXXX` (line breaks and tabs as a space), cut to `max`. */
export function printable(text: string, max = MAX_MESSAGE_LENGTH): string {
  const line = text.replace(/[\r\n\t]+/g, ' ').replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (line.length <= max) return line;
  const cut = /[\ud800-\udbff]/.test(line[max - 1]!) ? max - 1 : max;
  return `${line.slice(0, cut)}… (${line.length - cut} more characters)`;
}
