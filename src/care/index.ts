/**
 * care: the promises a team keeps. Business hours (time zone, lunch breaks, French public
 * holidays, closed days, exceptional openings), open time between instants, and SLA clocks
 * replayed from a conversation's timeline. Pure functions over plain data: storage, the
 * inbox countdown and escalations live with their callers, who pass `now` explicitly.
 */
export {
  businessHoursSchema,
  defaultBusinessHours,
  type BusinessHours,
  type Period,
  type Weekday,
} from './business-hours.ts';
export { easterSunday, frenchHolidays, isFrenchHoliday, type Holiday } from './french-holidays.ts';
export {
  addBusinessMs,
  businessMsBetween,
  isOpen,
  MAX_SCAN_DAYS,
  nextOpening,
  openIntervalsOn,
  type OpenInterval,
} from './business-time.ts';
export {
  defaultSlaPolicies,
  slaPolicyFor,
  slaPolicySchema,
  slaPoliciesSchema,
  type ConversationKind,
  type SlaMode,
  type SlaPolicies,
  type SlaPolicy,
} from './sla-policies.ts';
export type { SlaMeasure } from './sla-clock.ts';
export { computeSla, type SlaEvent, type SlaEventType, type SlaState, type SlaStatus } from './sla.ts';
export { localDateOf, localTimeToUtc, zoneOffsetMs, type LocalDate } from './zoned-time.ts';
export * from './charter/index.ts';
export * from './voice/index.ts';
export * from './rules/index.ts';
