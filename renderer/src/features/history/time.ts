/** datetime-local values in the user's time zone ⇄ unix seconds (times, not money). */
const pad = (value: number) => String(value).padStart(2, '0');

export function toLocalInput(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A datetime-local value (no zone: the user's local time) as unix seconds, or null when incomplete. */
export function fromLocalInput(text: string): number | null {
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}
