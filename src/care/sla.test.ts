import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type BusinessHours, type Period } from './business-hours.ts';
import { computeSla, type SlaEvent, type SlaEventType } from './sla.ts';
import { defaultSlaPolicies, slaPolicyFor, type SlaPolicy } from './sla-policies.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = Date.parse; // explicit offsets: +02:00 is CEST
const ev = (iso: string, type: SlaEventType): SlaEvent => ({ at: at(iso), type });

const nineToSix: Period[] = [{ start: '09:00', end: '18:00' }];
/** Mon–Fri 9:00–18:00, no Saturday, French holidays, Paris. */
const weekdays: BusinessHours = {
  ...defaultBusinessHours,
  weekly: { 0: [], 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix, 6: [] },
};
const hourly: SlaPolicy = { firstResponseMs: HOUR, nextResponseMs: HOUR, resolutionMs: 24 * HOUR, mode: 'business' };

describe('default policies', () => {
  it('promise 1 h on X and in DMs, the same day (8 business hours) on comments', () => {
    expect(slaPolicyFor(defaultSlaPolicies, 'x', 'public').firstResponseMs).toBe(HOUR);
    expect(slaPolicyFor(defaultSlaPolicies, 'x', 'private').firstResponseMs).toBe(HOUR);
    expect(slaPolicyFor(defaultSlaPolicies, 'messenger', 'private').firstResponseMs).toBe(HOUR);
    expect(slaPolicyFor(defaultSlaPolicies, 'instagram', 'public')).toMatchObject({ firstResponseMs: 8 * HOUR, mode: 'business' });
    expect(slaPolicyFor(defaultSlaPolicies, 'facebook', 'public').autoReplyCounts).toBeUndefined();
  });
});

describe('a Friday 17:30 message, 1 h business target, Mon–Fri 9–18', () => {
  const events = [ev('2026-06-05T17:30+02:00', 'customer_message')];

  it('is due Monday 9:30 and ok over the weekend', () => {
    const sla = computeSla(hourly, weekdays, events, at('2026-06-06T12:00+02:00'));
    expect(sla.firstResponse).toMatchObject({ dueAt: at('2026-06-08T09:30+02:00'), metAt: null, breached: false, businessMs: 30 * MIN });
    // 30 min left; due soon starts at max(20 % × 60, 15) = 15 min left.
    expect(sla.state).toBe('ok');
  });

  it('is due soon at 9:16 Monday and breached at 9:31', () => {
    // 9:16: 30 + 16 = 46 min used, 14 left ≤ 15.
    expect(computeSla(hourly, weekdays, events, at('2026-06-08T09:16+02:00')).state).toBe('due_soon');
    const late = computeSla(hourly, weekdays, events, at('2026-06-08T09:31+02:00'));
    expect(late.state).toBe('breached');
    expect(late.firstResponse?.breached).toBe(true);
  });

  it('is met by a reply at 9:20, measured both ways', () => {
    const sla = computeSla(hourly, weekdays, [...events, ev('2026-06-08T09:20+02:00', 'agent_reply')], at('2026-06-08T12:00+02:00'));
    // Business: 30 min Fri + 20 min Mon = 50 min. Calendar: Fri 17:30 → Mon 9:20 = 2 d 15 h 50 = 63 h 50.
    expect(sla.firstResponse).toMatchObject({ metAt: at('2026-06-08T09:20+02:00'), breached: false, businessMs: 50 * MIN, calendarMs: 63 * HOUR + 50 * MIN });
    // Only the resolution clock is pending now.
    expect(sla.state).toBe('ok');
  });
});

describe('a conversation spanning a weekend (default hours without Saturday)', () => {
  const split: Period[] = [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '18:00' }];
  const hours: BusinessHours = { ...defaultBusinessHours, weekly: { ...defaultBusinessHours.weekly, 6: [] } };
  // Friday June 5 16:00 → Monday June 8 10:00.
  const events = [ev('2026-06-05T16:00+02:00', 'customer_message'), ev('2026-06-08T10:00+02:00', 'agent_reply')];
  const now = at('2026-06-08T11:00+02:00');

  it('measures 3 business hours and 66 calendar hours', () => {
    expect(hours.weekly[1]).toEqual(split);
    // Business: Fri 16:00→18:00 = 2 h + Mon 9:00→10:00 = 1 h. Calendar: Fri 16:00 → Mon 10:00 = 66 h.
    const sla = computeSla({ ...hourly, firstResponseMs: 8 * HOUR }, hours, events, now);
    expect(sla.firstResponse).toMatchObject({ businessMs: 3 * HOUR, calendarMs: 66 * HOUR, breached: false });
    // 8 h target: 2 h Fri, then Mon 9:00–12:30 (3 h 30) and 2 h 30 from 13:30 → Mon 16:00.
    expect(sla.firstResponse?.dueAt).toBe(at('2026-06-08T16:00+02:00'));
  });

  it('breaches a 1 h calendar target on Friday 17:00', () => {
    const sla = computeSla({ ...hourly, mode: 'calendar' }, hours, events, now);
    expect(sla.firstResponse).toMatchObject({ dueAt: at('2026-06-05T17:00+02:00'), breached: true, businessMs: 3 * HOUR, calendarMs: 66 * HOUR });
  });
});

describe('what counts as a response', () => {
  // Tuesday June 2, default hours.
  const message = ev('2026-06-02T10:00+02:00', 'customer_message');

  it('never a note', () => {
    const sla = computeSla(hourly, defaultBusinessHours, [message, ev('2026-06-02T10:05+02:00', 'note')], at('2026-06-02T10:30+02:00'));
    expect(sla.firstResponse).toMatchObject({ metAt: null, businessMs: 30 * MIN, dueAt: at('2026-06-02T11:00+02:00') });
  });

  it('an auto-reply only when the policy says so', () => {
    const events = [message, ev('2026-06-02T10:00+02:00', 'auto_reply')];
    const now = at('2026-06-02T10:50+02:00');
    // 50 min used of 60: 10 left ≤ 15 → due soon.
    expect(computeSla(hourly, defaultBusinessHours, events, now)).toMatchObject({ firstResponse: { metAt: null }, state: 'due_soon' });
    const counting = computeSla({ ...hourly, autoReplyCounts: true }, defaultBusinessHours, events, now);
    expect(counting.firstResponse).toMatchObject({ metAt: at('2026-06-02T10:00+02:00'), businessMs: 0 });
  });

  it('times the next response from the first unanswered message', () => {
    const events = [
      message, ev('2026-06-02T10:10+02:00', 'agent_reply'),
      ev('2026-06-02T11:00+02:00', 'customer_message'), ev('2026-06-02T11:20+02:00', 'customer_message'),
      ev('2026-06-02T11:50+02:00', 'agent_reply'),
    ];
    const sla = computeSla(hourly, defaultBusinessHours, events, at('2026-06-02T12:00+02:00'));
    expect(sla.firstResponse).toMatchObject({ businessMs: 10 * MIN });
    // 11:00 → 11:50 = 50 min, due 12:00.
    expect(sla.nextResponse).toMatchObject({ businessMs: 50 * MIN, dueAt: at('2026-06-02T12:00+02:00'), breached: false });
  });
});

describe('resolution', () => {
  it('pauses while snoozed and stops when resolved', () => {
    const events = [
      ev('2026-06-02T10:00+02:00', 'customer_message'), ev('2026-06-02T10:10+02:00', 'agent_reply'),
      ev('2026-06-02T10:30+02:00', 'snoozed'), ev('2026-06-02T14:00+02:00', 'unsnoozed'),
      ev('2026-06-02T15:00+02:00', 'resolved'),
    ];
    const sla = computeSla(hourly, defaultBusinessHours, events, at('2026-06-02T16:00+02:00'));
    // 10:00→10:30 + 14:00→15:00 = 1 h 30, in business and calendar time alike.
    expect(sla.resolution).toMatchObject({ metAt: at('2026-06-02T15:00+02:00'), businessMs: 90 * MIN, calendarMs: 90 * MIN, breached: false });
    expect(sla.state).toBe('met');
  });

  it('treats resolving as answering, and a new message as a reopen', () => {
    const events = [ev('2026-06-02T10:00+02:00', 'customer_message'), ev('2026-06-02T10:20+02:00', 'resolved'), ev('2026-06-02T11:00+02:00', 'customer_message')];
    const sla = computeSla(hourly, defaultBusinessHours, events, at('2026-06-02T11:30+02:00'));
    expect(sla.firstResponse?.metAt).toBe(at('2026-06-02T10:20+02:00'));
    expect(sla.nextResponse).toMatchObject({ metAt: null, businessMs: 30 * MIN });
    // Resolution resumes where it stood: 20 min + 30 min.
    expect(sla.resolution).toMatchObject({ metAt: null, businessMs: 50 * MIN });
  });

  it('uses 20 % of a long target as the due-soon window', () => {
    // 8 h target → window max(96, 15) = 96 min. Message Tue 9:00; at 16:30 used 3 h 30 + 3 h = 6 h 30 → 90 min left.
    const sameDay = slaPolicyFor(defaultSlaPolicies, 'facebook', 'public');
    const events = [ev('2026-06-02T09:00+02:00', 'customer_message')];
    expect(computeSla(sameDay, defaultBusinessHours, events, at('2026-06-02T16:30+02:00')).state).toBe('due_soon');
    // At 14:30: 3 h 30 + 1 h = 4 h 30 used, 3 h 30 left.
    expect(computeSla(sameDay, defaultBusinessHours, events, at('2026-06-02T14:30+02:00')).state).toBe('ok');
  });

  it('reports nothing owed for an empty timeline', () => {
    expect(computeSla(hourly, defaultBusinessHours, [], Date.now())).toEqual({ firstResponse: null, nextResponse: null, resolution: null, state: 'met' });
  });
});
