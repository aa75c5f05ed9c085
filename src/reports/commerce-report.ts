import { attributionReport, type AttributionReport } from '../commerce/index.ts';
import type { Db } from '../store/index.ts';
import type { ReportQuery } from './report-period.ts';

export interface GroupFigures {
  customers: number;
  buyers: number;
  orders: number;
  /** buyers ÷ customers */
  orderRate: number | null;
  /** revenue ÷ orders, in `currency` */
  averageBasketCents: number | null;
  /** customers with two orders or more ÷ buyers */
  repeatRate: number | null;
}

export interface CommerceReport {
  from: number;
  to: number;
  attribution: AttributionReport;
  recoveredCarts: { carts: number; orders: number; revenueCents: number; currency: string | null }[];
  doesSocialSell: {
    currency: string | null;
    talked: GroupFigures;
    didNotTalk: GroupFigures;
    caveat: 'comparison_not_causation';
  };
}

/**
 * Social commerce over `[from, to)` (docs/metrics.md): attributed revenue per model, channel
 * and agent (the commerce module's attribution), recovered carts, and customers who talked
 * with the shop against those who did not.
 */
export async function commerceReport(db: Db, query: ReportQuery): Promise<CommerceReport> {
  const { workspaceId, from, to } = query;
  const [attribution, recovered, customers, orders, talkers] = await Promise.all([
    attributionReport(db, workspaceId, from, to),
    db.selectFrom('recovery_decisions as d')
      .innerJoin('checkouts as k', (join) => join.onRef('k.workspace_id', '=', 'd.workspace_id').onRef('k.id', '=', 'd.checkout_id'))
      .innerJoin('orders as o', (join) => join.onRef('o.workspace_id', '=', 'k.workspace_id').onRef('o.id', '=', 'k.order_id'))
      .select(['d.checkout_id', 'o.id as order_id', 'o.total_cents', 'o.currency'])
      .where('d.workspace_id', '=', workspaceId).where('d.outcome', '=', 'sent').where('o.status', '!=', 'cancelled')
      .where('o.placed_at', '>=', from).where('o.placed_at', '<', to).execute(),
    db.selectFrom('shop_customers').select(['id', 'contact_id']).where('workspace_id', '=', workspaceId).where('created_at', '<', to).execute(),
    db.selectFrom('orders').select(['shop_customer_id', 'total_cents', 'currency']).where('workspace_id', '=', workspaceId)
      .where('status', '!=', 'cancelled').where('placed_at', '>=', from).where('placed_at', '<', to).where('shop_customer_id', 'is not', null).execute(),
    // Only the shop's customers matter: asked per linked contact, never a scan of every conversation.
    db.selectFrom('shop_customers as sc').select('sc.contact_id').distinct().where('sc.workspace_id', '=', workspaceId).where('sc.contact_id', 'is not', null)
      .where(({ exists, selectFrom }) => exists(selectFrom('conversations as c').select('c.id').whereRef('c.workspace_id', '=', 'sc.workspace_id').whereRef('c.contact_id', '=', 'sc.contact_id')
        .where('c.last_inbound_at', 'is not', null).where('c.created_at', '<', to))).execute(),
  ]);
  const recoveredByCurrency = new Map<string, { carts: Set<string>; orders: Set<string>; revenueCents: number }>();
  for (const row of recovered) {
    const entry = recoveredByCurrency.get(row.currency) ?? { carts: new Set(), orders: new Set(), revenueCents: 0 };
    entry.carts.add(row.checkout_id);
    if (!entry.orders.has(row.order_id)) entry.revenueCents += Number(row.total_cents);
    entry.orders.add(row.order_id);
    recoveredByCurrency.set(row.currency, entry);
  }
  const currencyCounts = new Map<string, number>();
  for (const order of orders) currencyCounts.set(order.currency, (currencyCounts.get(order.currency) ?? 0) + 1);
  const currency = [...currencyCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const talked = new Set(talkers.map((t) => t.contact_id));
  const perCustomer = new Map<string, { orders: number; revenue: number; basketOrders: number }>();
  for (const order of orders) {
    const entry = perCustomer.get(order.shop_customer_id!) ?? { orders: 0, revenue: 0, basketOrders: 0 };
    entry.orders += 1;
    if (order.currency === currency) { entry.revenue += Number(order.total_cents); entry.basketOrders += 1; }
    perCustomer.set(order.shop_customer_id!, entry);
  }
  const group = (members: typeof customers): GroupFigures => {
    let buyers = 0, repeat = 0, orderCount = 0, revenue = 0, basketOrders = 0;
    for (const customer of members) {
      const entry = perCustomer.get(customer.id);
      if (!entry) continue;
      buyers += 1; orderCount += entry.orders; revenue += entry.revenue; basketOrders += entry.basketOrders;
      if (entry.orders >= 2) repeat += 1;
    }
    return {
      customers: members.length, buyers, orders: orderCount,
      orderRate: members.length === 0 ? null : buyers / members.length,
      averageBasketCents: basketOrders === 0 ? null : Math.round(revenue / basketOrders),
      repeatRate: buyers === 0 ? null : repeat / buyers,
    };
  };
  return {
    from, to, attribution,
    recoveredCarts: [...recoveredByCurrency].map(([cur, e]) => ({ carts: e.carts.size, orders: e.orders.size, revenueCents: e.revenueCents, currency: cur })),
    doesSocialSell: {
      currency,
      talked: group(customers.filter((c) => c.contact_id !== null && talked.has(c.contact_id))),
      didNotTalk: group(customers.filter((c) => c.contact_id === null || !talked.has(c.contact_id))),
      caveat: 'comparison_not_causation',
    },
  };
}
