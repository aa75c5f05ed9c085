/** Snooze presets, in the agent's local time: in an hour, tomorrow 9:00, next Monday 9:00. */
export type SnoozePreset = 'hour' | 'tomorrow' | 'monday';

export function snoozeUntil(preset: SnoozePreset, now: Date): number {
  if (preset === 'hour') return now.getTime() + 3_600_000;
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9, 0, 0, 0);
  if (preset === 'tomorrow') at.setDate(at.getDate() + 1);
  else at.setDate(at.getDate() + (((8 - at.getDay()) % 7) || 7));
  return at.getTime();
}

/** `<input type="datetime-local">` value → epoch ms in local time; undefined unless in the future. */
export function parseLocalDateTime(value: string, now: number): number | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi).getTime();
  return Number.isFinite(at) && at > now ? at : undefined;
}

/** The value for `<input type="datetime-local" min>`: now, in local time, to the minute. */
export function localDateTimeValue(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
