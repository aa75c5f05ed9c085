import { z } from 'zod';
import { epochMs, id } from './common.ts';
import { attributionReport } from './commerce.ts';

// The reports of docs/metrics.md, as `/api/v1/reports/*` answers them. `src/reports` computes
// them; `http/contract-types.test.ts` holds its types and these schemas equal, so neither drifts.

// What the reports take: a period (and scope), a page, and the figure a drill opens.
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
/** `from`/`to`: ISO instants (`to` excluded), or local dates of the workspace (`to` the last day included). */
export const reportPeriodQuery = z.object({ from: instant, to: instant, channelId: z.string().min(1).max(64).optional() });
export type ReportPeriod = z.infer<typeof reportPeriodQuery>;
export const reportPageQuery = z.object({ offset: z.coerce.number().int().min(0).max(10_000_000).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) });
export const conversationDrill = z.object({
  of: z.literal('conversations'),
  /** Which figure the list is about; each sorts by it, slowest first. */
  metric: z.enum(['first_response', 'resolution', 'unanswered', 'reopened', 'answered_by_automation', 'within_sla', 'waiting']),
  mode: z.enum(['calendar', 'business']).default('calendar'),
  /** Only conversations whose figure is at least this (the p90: the slow ones). */
  minMs: z.coerce.number().int().min(0).optional(),
  agentId: z.string().max(64).optional(),
});
export type ConversationDrill = z.infer<typeof conversationDrill>;
/** The rows behind a number: conversations, messages or orders, each with its filters. */
export const reportDrill = z.discriminatedUnion('of', [
  conversationDrill,
  z.object({ of: z.literal('messages'), sentiment: z.enum(['positive', 'neutral', 'negative']).optional() }),
  z.object({ of: z.literal('orders'), model: z.enum(['promo_code', 'utm', 'conversation_assisted']).optional(), agentId: z.string().max(64).optional(), sourceChannelId: z.string().max(64).optional() }),
]);
export type ReportDrill = z.infer<typeof reportDrill>;

const ms = z.number().nullable();
export const durationSummary = z.object({ medianMs: ms, p90Ms: ms, meanMs: ms }).meta({ id: 'DurationSummary' });
const timing = z.object({ count: z.number(), calendar: durationSummary, business: durationSummary });
const means = z.object({ calendar: ms, business: ms });
const agentFigures = {
  firstResponses: z.number(), firstResponseMeanMs: means, withinSla: z.number(), nextResponses: z.number(), nextResponseMeanMs: means,
};
/** How many conversations changed since the rollups were last moved (read before answering, beyond a limit). */
const pending = z.number().int().min(0);

export const responseTimesReport = z.object({
  from: epochMs, to: epochMs, conversations: z.number(), responded: z.number(),
  firstResponse: z.object({ calendar: durationSummary, business: durationSummary }),
}).meta({ id: 'ResponseTimesReport' });

export const careReport = z.object({
  from: epochMs, to: epochMs, timeZone: z.string(), conversations: z.number(), customerMessages: z.number(), responded: z.number(),
  firstResponse: timing, nextResponse: timing, resolution: timing,
  withinSla: z.object({ conversations: z.number(), share: z.number().nullable() }),
  reopenings: z.number(),
  answeredByAutomationFirst: z.number(),
  backlog: z.object({ waiting: z.number(), oldestWaitingSince: epochMs.nullable() }),
  volume: z.object({
    byChannel: z.array(z.object({ channelId: z.string(), name: z.string(), kind: z.string(), conversations: z.number(), customerMessages: z.number() })),
    byDay: z.array(z.object({ day: z.string(), conversations: z.number(), customerMessages: z.number() })),
    byWeekdayHour: z.array(z.object({ weekday: z.number(), hour: z.number(), conversations: z.number(), customerMessages: z.number() })),
  }),
  agents: z.array(z.object({ agentId: z.string(), name: z.string(), ...agentFigures })),
  teams: z.array(z.object({ teamId: z.string(), name: z.string(), ...agentFigures })),
}).meta({ id: 'CareReport' });

const share = z.object({ positive: z.number().nullable(), neutral: z.number().nullable(), negative: z.number().nullable() });
export const sentimentReport = z.object({
  from: epochMs, to: epochMs, messages: z.number(), share, adjustedShare: share,
  adjustedInterval: z.object({ low: share, high: share }).nullable(),
  score: z.number().nullable(), adjustedScore: z.number().nullable(),
  benchmark: z.object({ positive: z.literal(0.4), negative: z.literal(0.3), score: z.number() }),
  correction: z.object({ buildTimeMessages: z.number(), workspaceCorrections: z.number() }),
  byDay: z.array(z.object({ day: z.string(), positive: z.number(), neutral: z.number(), negative: z.number() })),
  byChannel: z.array(z.object({ channelId: z.string(), positive: z.number(), neutral: z.number(), negative: z.number() })),
}).meta({ id: 'SentimentReport' });

const groupFigures = z.object({
  customers: z.number(), buyers: z.number(), orders: z.number(), orderRate: z.number().nullable(), averageBasketCents: z.number().nullable(), repeatRate: z.number().nullable(),
});
export const commerceReport = z.object({
  from: epochMs, to: epochMs, attribution: attributionReport,
  recoveredCarts: z.array(z.object({ carts: z.number(), orders: z.number(), revenueCents: z.number(), currency: z.string().nullable() })),
  doesSocialSell: z.object({ currency: z.string().nullable(), talked: groupFigures, didNotTalk: groupFigures, caveat: z.literal('comparison_not_causation') }),
}).meta({ id: 'CommerceReport' });

export const drillPage = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  nextOffset: z.number().nullable(),
  total: z.number(),
}).meta({ id: 'DrillPage' });

export const reportExport = z.object({
  id, status: z.enum(['queued', 'running', 'done', 'failed']), rowsDone: z.number(), rowsTotal: z.number(), error: z.string().nullable(), createdAt: epochMs,
}).meta({ id: 'ReportExport' });

export const responseTimesAnswer = responseTimesReport.extend({ pending });
export const careAnswer = careReport.extend({ pending });
export const sentimentAnswer = sentimentReport.extend({ pending });
export const rebuildAnswer = z.object({ conversations: z.number() });

export type DurationSummary = z.infer<typeof durationSummary>;
export type ResponseTimesReport = z.infer<typeof responseTimesReport>;
export type CareReport = z.infer<typeof careReport>;
export type SentimentReport = z.infer<typeof sentimentReport>;
export type CommerceReport = z.infer<typeof commerceReport>;
export type DrillPage = z.infer<typeof drillPage>;
export type ReportExport = z.infer<typeof reportExport>;
export type CareAnswer = z.infer<typeof careAnswer>;
export type SentimentAnswer = z.infer<typeof sentimentAnswer>;
