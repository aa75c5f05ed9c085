/**
 * The SLA clock of one conversation, replayed from its timeline at `now`. Pure: the caller
 * loads the events (for a public comment moved to a private reply, the merged timeline of
 * both linked conversations, so they share one clock) and stores or shows the result.
 *
 * Rules, and why:
 * - The first response clock starts at the first customer message; the next response clock
 *   at the first customer message after an answer (later messages don't restart it).
 * - Notes never answer. Auto-replies answer only with `policy.autoReplyCounts`.
 * - Resolving stops pending response clocks as met (a "merci !" needs no reply) and the
 *   resolution clock; a reopen or a new customer message resumes resolution where it stood.
 * - Snoozing pauses the resolution clock only: a snooze is not an answer, so it must not
 *   hide a response breach.
 * - "Due soon": a running clock with at most max(20 % of its target, 15 min) left, counted
 *   in the policy's mode.
 */
import type { BusinessHours } from './business-hours.ts';
import { isRunning, measureTrack, pauseTrack, resumeTrack, startTrack, stopTrack, type ClockTrack, type SlaMeasure } from './sla-clock.ts';
import type { SlaPolicy } from './sla-policies.ts';

export type SlaEventType =
  | 'customer_message' | 'agent_reply' | 'note' | 'auto_reply' | 'resolved' | 'reopened' | 'snoozed' | 'unsnoozed';

export interface SlaEvent {
  at: number;
  type: SlaEventType;
}

/** What is owed now: 'met' means nothing is pending (a past breach stays on its clock). */
export type SlaState = 'ok' | 'due_soon' | 'breached' | 'met';

export interface SlaStatus {
  firstResponse: SlaMeasure | null;
  /** The pending next-response cycle, else the latest answered one. */
  nextResponse: SlaMeasure | null;
  resolution: SlaMeasure | null;
  state: SlaState;
}

const DUE_SOON_FLOOR_MS = 15 * 60_000;
const DUE_SOON_SHARE = 0.2;

interface Replay {
  first: ClockTrack | null;
  next: ClockTrack | null;
  resolution: ClockTrack | null;
}

function replay(policy: SlaPolicy, events: SlaEvent[], now: number): Replay {
  const clocks: Replay = { first: null, next: null, resolution: null };
  let resolved = false;
  let snoozed = false;
  const pendingResponse = () => [clocks.first, clocks.next].find((c) => c !== null && c.metAt === null) ?? null;
  // Stable sort: same-instant events keep the caller's order.
  const timeline = events.filter((e) => e.at <= now).sort((a, b) => a.at - b.at);
  for (const { at, type } of timeline) {
    if (type === 'customer_message') {
      if (resolved && clocks.resolution) clocks.resolution.metAt = null;
      resolved = false;
      snoozed = false; // the customer is back: waiting on them is over
      if (clocks.resolution) resumeTrack(clocks.resolution, at);
      else clocks.resolution = startTrack(at);
      if (!clocks.first) clocks.first = startTrack(at);
      else if (!pendingResponse()) clocks.next = startTrack(at);
    } else if (type === 'agent_reply' || (type === 'auto_reply' && policy.autoReplyCounts === true)) {
      const pending = pendingResponse();
      if (pending) stopTrack(pending, at);
    } else if (type === 'resolved' && !resolved && clocks.resolution) {
      resolved = true;
      snoozed = false;
      const pending = pendingResponse();
      if (pending) stopTrack(pending, at);
      stopTrack(clocks.resolution, at);
    } else if (type === 'reopened' && resolved && clocks.resolution) {
      resolved = false;
      clocks.resolution.metAt = null;
      resumeTrack(clocks.resolution, at);
    } else if (type === 'snoozed' && !resolved && !snoozed && clocks.resolution) {
      snoozed = true;
      pauseTrack(clocks.resolution, at);
    } else if (type === 'unsnoozed' && snoozed && clocks.resolution) {
      snoozed = false;
      resumeTrack(clocks.resolution, at);
    }
    // 'note' and a non-counting 'auto_reply' change nothing.
  }
  return clocks;
}

function stateOf(entries: { track: ClockTrack; measure: SlaMeasure; targetMs: number }[]): SlaState {
  const running = entries.filter((e) => isRunning(e.track));
  if (running.some((e) => e.measure.breached)) return 'breached';
  const dueSoon = (e: (typeof running)[number]) => e.measure.remainingMs <= Math.max(DUE_SOON_SHARE * e.targetMs, DUE_SOON_FLOOR_MS);
  if (running.some(dueSoon)) return 'due_soon';
  // A paused (snoozed) clock is still owed.
  return entries.some((e) => e.track.metAt === null) ? 'ok' : 'met';
}

/**
 * Replays a conversation's timeline against its policy at `now`.
 *
 * @example
 * computeSla(slaPolicyFor(defaultSlaPolicies, 'x', 'private'), hours,
 *   [{ at: t0, type: 'customer_message' }, { at: t1, type: 'agent_reply' }], Date.now())
 */
export function computeSla(policy: SlaPolicy, hours: BusinessHours, events: SlaEvent[], now: number): SlaStatus {
  const clocks = replay(policy, events, now);
  const entries: { track: ClockTrack; measure: SlaMeasure; targetMs: number }[] = [];
  const read = (track: ClockTrack | null, targetMs: number): SlaMeasure | null => {
    if (!track) return null;
    const measure = measureTrack(track, targetMs, policy.mode, hours, now);
    entries.push({ track, measure, targetMs });
    return measure;
  };
  const firstResponse = read(clocks.first, policy.firstResponseMs);
  const nextResponse = read(clocks.next, policy.nextResponseMs);
  const resolution = read(clocks.resolution, policy.resolutionMs);
  return { firstResponse, nextResponse, resolution, state: stateOf(entries) };
}
