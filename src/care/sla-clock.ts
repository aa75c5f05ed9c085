/**
 * One SLA clock: running segments (a clock pauses and resumes), an optional stop, and how
 * its due time and elapsed time read in business or calendar time.
 */
import type { BusinessHours } from './business-hours.ts';
import { addBusinessMs, businessMsBetween } from './business-time.ts';
import type { SlaMode } from './sla-policies.ts';

export interface ClockTrack {
  /** Running spans; `end` null while the clock runs. */
  segments: { start: number; end: number | null }[];
  metAt: number | null;
}

export interface SlaMeasure {
  /** When the target is (or was) reached; null while the clock is paused short of it. */
  dueAt: number | null;
  metAt: number | null;
  /** Met after its due time, or still running past it. */
  breached: boolean;
  /** Elapsed running time so far (up to `metAt` or now). */
  businessMs: number;
  calendarMs: number;
  /** Target left in the policy's mode; 0 once due. */
  remainingMs: number;
}

export function startTrack(at: number): ClockTrack {
  return { segments: [{ start: at, end: null }], metAt: null };
}

export function isRunning(track: ClockTrack): boolean {
  return track.segments.at(-1)?.end === null;
}

export function pauseTrack(track: ClockTrack, at: number): void {
  const last = track.segments.at(-1);
  if (last && last.end === null) last.end = at;
}

export function resumeTrack(track: ClockTrack, at: number): void {
  if (!isRunning(track)) track.segments.push({ start: at, end: null });
}

export function stopTrack(track: ClockTrack, at: number): void {
  pauseTrack(track, at);
  track.metAt = at;
}

/** Reads a clock at `now` against `targetMs` counted in `mode`. */
export function measureTrack(track: ClockTrack, targetMs: number, mode: SlaMode, hours: BusinessHours, now: number): SlaMeasure {
  const elapsed = (from: number, to: number) => (mode === 'business' ? businessMsBetween(hours, from, to) : Math.max(0, to - from));
  const advance = (from: number, ms: number) => (mode === 'business' ? addBusinessMs(hours, from, ms) : from + ms);
  let businessMs = 0;
  let calendarMs = 0;
  let consumed = 0; // in the policy's mode
  let dueAt: number | null = null;
  for (const [index, segment] of track.segments.entries()) {
    const end = segment.end ?? now;
    const span = elapsed(segment.start, end);
    const isLast = index === track.segments.length - 1;
    // The target is reached inside this span, or (last span, running or stopped) would be
    // reached by carrying on from it; a paused clock short of its target has no due time yet.
    if (dueAt === null && (consumed + span >= targetMs || (isLast && (segment.end === null || track.metAt !== null)))) {
      dueAt = advance(segment.start, targetMs - consumed);
    }
    consumed += span;
    businessMs += mode === 'business' ? span : businessMsBetween(hours, segment.start, end);
    calendarMs += Math.max(0, end - segment.start);
  }
  const breached = dueAt !== null && (track.metAt ?? now) > dueAt;
  return { dueAt, metAt: track.metAt, breached, businessMs, calendarMs, remainingMs: Math.max(0, targetMs - consumed) };
}
