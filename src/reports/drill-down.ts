import { reportDrill, type ReportDrill } from '../contracts/index.ts';
import type { Db } from '../store/index.ts';
import type { ReportQuery } from './report-period.ts';

/** What a number of a report opens: the conversations, messages or orders behind it. */
export const drillSchema = reportDrill;
export type DrillRequest = ReportDrill;

export interface DrillPage {
  columns: string[];
  rows: (string | number | null)[][];
  /** Give back as `offset` for the next page; null at the end. */
  nextOffset: number | null;
  total: number;
}

/**
 * The rows behind a number, a page at a time (the CSV export walks every page). Customer
 * text is returned as plain text; the console renders it as text, the CSV neutralises
 * spreadsheet formulas.
 */
export async function drillDown(db: Db, query: ReportQuery, request: DrillRequest, page: { offset: number; limit: number }): Promise<DrillPage> {
  const { workspaceId, from, to, channelId } = query;
  if (request.of === 'conversations') {
    const figure = request.metric === 'resolution'
      ? (request.mode === 'business' ? 'f.resolution_business_ms' : 'f.resolution_calendar_ms')
      : (request.mode === 'business' ? 'f.first_business_ms' : 'f.first_calendar_ms');
    let q = db.selectFrom('report_conversations as f')
      .innerJoin('conversations as c', (join) => join.onRef('c.workspace_id', '=', 'f.workspace_id').onRef('c.id', '=', 'f.conversation_id'))
      .leftJoin('contacts as p', (join) => join.onRef('p.workspace_id', '=', 'c.workspace_id').onRef('p.id', '=', 'c.contact_id'))
      .where('f.workspace_id', '=', workspaceId);
    if (request.metric === 'waiting') q = q.where('f.waiting_since', 'is not', null);
    else q = q.where('f.first_customer_at', '>=', from).where('f.first_customer_at', '<', to);
    if (channelId) q = q.where('f.channel_id', '=', channelId);
    if (request.metric === 'first_response' || request.metric === 'resolution') q = q.where(figure, 'is not', null);
    if (request.metric === 'unanswered') q = q.where('f.first_response_at', 'is', null);
    if (request.metric === 'reopened') q = q.where('f.reopenings', '>', 0);
    if (request.metric === 'answered_by_automation') q = q.where('f.bot_first', '=', 1);
    if (request.metric === 'within_sla') q = q.where('f.within_sla', '=', 1);
    if (request.minMs !== undefined) q = q.where(figure, '>=', request.minMs);
    if (request.agentId) q = q.where('f.first_responder_id', '=', request.agentId);
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      q.select(['f.conversation_id', 'f.channel_id', 'f.kind', 'p.name as contact', 'f.first_customer_at', 'f.first_response_at', 'f.first_responder_id',
        'f.first_calendar_ms', 'f.first_business_ms', 'f.resolution_calendar_ms', 'f.resolution_business_ms', 'f.reopenings', 'f.waiting_since'])
        .orderBy(request.metric === 'waiting' ? 'f.waiting_since' : figure, request.metric === 'waiting' ? 'asc' : 'desc').orderBy('f.conversation_id')
        .limit(page.limit).offset(page.offset).execute(),
    ]);
    return pageOf(Number(count?.n ?? 0), page, ['conversationId', 'channelId', 'kind', 'contact', 'firstCustomerAt', 'firstResponseAt', 'firstResponderId',
      'firstResponseCalendarMs', 'firstResponseBusinessMs', 'resolutionCalendarMs', 'resolutionBusinessMs', 'reopenings', 'waitingSince'],
    rows.map((r) => [r.conversation_id, r.channel_id, r.kind, r.contact, n(r.first_customer_at), n(r.first_response_at), r.first_responder_id,
      n(r.first_calendar_ms), n(r.first_business_ms), n(r.resolution_calendar_ms), n(r.resolution_business_ms), Number(r.reopenings), n(r.waiting_since)]));
  }
  if (request.of === 'messages') {
    let q = db.selectFrom('messages').where('workspace_id', '=', workspaceId).where('direction', '=', 'in').where('kind', '!=', 'note').where('status', '!=', 'deleted')
      .where((eb) => eb(eb.fn.coalesce('platform_created_at', 'created_at'), '>=', from)).where((eb) => eb(eb.fn.coalesce('platform_created_at', 'created_at'), '<', to))
      .where('sentiment', 'is not', null);
    if (channelId) q = q.where('channel_id', '=', channelId);
    if (request.sentiment) q = q.where('sentiment', '=', request.sentiment);
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      q.select(['id', 'conversation_id', 'channel_id', 'platform_created_at', 'created_at', 'sentiment', 'classified_by', 'text'])
        .orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    ]);
    return pageOf(Number(count?.n ?? 0), page, ['messageId', 'conversationId', 'channelId', 'at', 'sentiment', 'labelledBy', 'text'],
      rows.map((r) => [r.id, r.conversation_id, r.channel_id, n(r.platform_created_at) ?? n(r.created_at), r.sentiment, r.classified_by, r.text]));
  }
  let q = db.selectFrom('order_attributions as a')
    .innerJoin('orders as o', (join) => join.onRef('o.workspace_id', '=', 'a.workspace_id').onRef('o.id', '=', 'a.order_id'))
    .where('a.workspace_id', '=', workspaceId).where('a.placed_at', '>=', from).where('a.placed_at', '<', to);
  if (request.model) q = q.where('a.model', '=', request.model);
  if (request.agentId) q = q.where('a.agent_id', '=', request.agentId);
  if (request.sourceChannelId) q = q.where('a.source_channel_id', '=', request.sourceChannelId);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    q.select(['o.id', 'o.number', 'a.model', 'a.source_channel_kind', 'a.agent_id', 'a.conversation_id', 'a.placed_at', 'a.revenue_cents', 'a.currency'])
      .orderBy('a.placed_at').orderBy('o.id').orderBy('a.model').limit(page.limit).offset(page.offset).execute(),
  ]);
  return pageOf(Number(count?.n ?? 0), page, ['orderId', 'number', 'model', 'source', 'agentId', 'conversationId', 'placedAt', 'revenueCents', 'currency'],
    rows.map((r) => [r.id, r.number, r.model, r.source_channel_kind, r.agent_id, r.conversation_id, Number(r.placed_at), Number(r.revenue_cents), r.currency]));
}

const n = (value: number | null) => (value === null ? null : Number(value));

function pageOf(total: number, page: { offset: number; limit: number }, columns: string[], rows: DrillPage['rows']): DrillPage {
  return { columns, rows, total, nextOffset: page.offset + rows.length < total && rows.length > 0 ? page.offset + rows.length : null };
}
