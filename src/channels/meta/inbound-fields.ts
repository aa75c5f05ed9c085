import { z } from 'zod';

/**
 * Field shapes shared by the feed, Messenger and Instagram parsers. Ids stay strings (a
 * number, where Meta sent one, is turned back into its exact digits).
 */
export const metaId = z
  .union([z.string().min(1), z.number().int().nonnegative()], { error: 'expected an id (a string or an integer)' })
  .transform(String);

/** A time as Meta writes it: epoch seconds or milliseconds, a number or a numeric string. */
export const metaTime = z.union([z.number(), z.string()]);

/** The entry a change or messaging event came in: what every item needs from it. */
export interface EntryContext {
  /** Page id (`object: page`) or Instagram professional account id (`object: instagram`). */
  accountId: string;
  /** `entry.time` in ms: the fallback when an event carries no time of its own. */
  entryTimeMs: number;
}

// 1e11 s is the year 5138 and 1e11 ms is March 1973: below it a value can only be seconds.
const SECONDS_BELOW = 1e11;

/**
 * Epoch milliseconds from any of Meta's time spellings: `created_time` and `entry.time` of
 * `changes` in seconds, `timestamp` in ms, the dashboard's string `"1527459824"` (seconds),
 * an ISO date. Units are told apart by magnitude, so a field that changes unit (the
 * Instagram dashboard test sends `time` in ms) still lands right. Undefined when unreadable.
 *
 * @example epochMs(1511951015) // 1511951015000
 */
export function epochMs(value: number | string | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(number) || number <= 0) return undefined;
  return Math.round(number < SECONDS_BELOW ? number * 1000 : number);
}
