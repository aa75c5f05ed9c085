import type { Db } from '../../store/index.ts';

export interface ReportRow {
  key: string;
  label: string;
  currency: string;
  orders: number;
  revenueCents: number;
}

export interface AttributionReport {
  from: number;
  to: number;
  /** Orders with at least one attribution, each counted once whatever its models. */
  totals: { currency: string; orders: number; revenueCents: number }[];
  byChannel: ReportRow[];
  byModel: ReportRow[];
  byAgent: ReportRow[];
  /** Orders that used an ambassador's personal code (contests' ambassadors), per ambassador. */
  byAmbassador: ReportRow[];
  /** Orders credited to a Relais post (its code or its utm_content), and to its campaign. */
  byPost: ReportRow[];
  byCampaign: ReportRow[];
}

/**
 * Revenue and order counts attributed to social over `[from, to)` (order placement time),
 * per channel, per model and per agent. An order attributed by two models counts in each
 * model's row, once in its channel's and agent's rows, and once in the totals.
 */
export async function attributionReport(db: Db, workspaceId: string, from: number, to: number): Promise<AttributionReport> {
  const rows = await db.selectFrom('order_attributions as a')
    .leftJoin('channels as c', (join) => join.onRef('c.workspace_id', '=', 'a.workspace_id').onRef('c.id', '=', 'a.source_channel_id'))
    .leftJoin('users as u', 'u.id', 'a.agent_id')
    .leftJoin('ambassador_codes as k', (join) => join.onRef('k.workspace_id', '=', 'a.workspace_id').onRef('k.promo_code_id', '=', 'a.promo_code_id'))
    .leftJoin('contacts as ak', (join) => join.onRef('ak.workspace_id', '=', 'k.workspace_id').onRef('ak.id', '=', 'k.contact_id'))
    .select(['a.order_id', 'a.model', 'a.source_channel_id', 'a.source_channel_kind', 'c.name as channelName', 'a.agent_id', 'u.name as agentName', 'a.revenue_cents', 'a.currency', 'k.contact_id as ambassadorId', 'ak.name as ambassadorName', 'a.post_id', 'a.campaign'])
    .where('a.workspace_id', '=', workspaceId).where('a.placed_at', '>=', from).where('a.placed_at', '<', to).execute();
  const group = (keyOf: (row: (typeof rows)[number]) => { key: string; label: string } | null) => {
    const groups = new Map<string, ReportRow & { seen: Set<string> }>();
    for (const row of rows) {
      const id = keyOf(row);
      if (!id) continue;
      const mapKey = `${id.key}\u0000${row.currency}`;
      const entry = groups.get(mapKey) ?? { ...id, currency: row.currency, orders: 0, revenueCents: 0, seen: new Set<string>() };
      if (!entry.seen.has(row.order_id)) {
        entry.seen.add(row.order_id);
        entry.orders += 1;
        entry.revenueCents += Number(row.revenue_cents);
      }
      groups.set(mapKey, entry);
    }
    return [...groups.values()].map(({ seen: _seen, ...entry }) => entry).sort((a, b) => b.revenueCents - a.revenueCents || a.key.localeCompare(b.key));
  };
  const totals = group(() => ({ key: 'all', label: 'all' })).map(({ currency, orders, revenueCents }) => ({ currency, orders, revenueCents }));
  return {
    from, to, totals,
    byChannel: group((row) => (row.source_channel_id
      ? { key: row.source_channel_id, label: row.channelName ?? row.source_channel_kind ?? row.source_channel_id }
      : { key: `kind:${row.source_channel_kind ?? 'unknown'}`, label: row.source_channel_kind ?? 'unknown' })),
    byModel: group((row) => ({ key: row.model, label: row.model })),
    byAgent: group((row) => (row.agent_id ? { key: row.agent_id, label: row.agentName ?? row.agent_id } : null)),
    byAmbassador: group((row) => (row.model === 'promo_code' && row.ambassadorId ? { key: row.ambassadorId, label: row.ambassadorName ?? row.ambassadorId } : null)),
    byPost: group((row) => (row.post_id ? { key: row.post_id, label: row.campaign ? `${row.campaign} · ${row.post_id}` : row.post_id } : null)),
    byCampaign: group((row) => (row.campaign ? { key: row.campaign, label: row.campaign } : null)),
  };
}
