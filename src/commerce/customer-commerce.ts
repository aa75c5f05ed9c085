import { AppError } from '../kernel/index.ts';
import type { Db, OrdersTable } from '../store/index.ts';
import type { ShopLineItem } from './shop-adapter.ts';

export interface OrderView {
  id: string;
  channelId: string;
  number: string;
  status: OrdersTable['status'];
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  totalCents: number;
  currency: string;
  items: ShopLineItem[];
  trackingUrl: string | null;
  discountCodes: string[];
  placedAt: number;
}

export interface CartView {
  id: string;
  channelId: string;
  totalCents: number;
  currency: string;
  items: ShopLineItem[];
  recoveryUrl: string | null;
  updatedAt: number;
}

export interface ShopCustomerView {
  id: string;
  channelId: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  linkMethod: string | null;
}

/** What the console shows beside a conversation, and `GET /api/v1/contacts/:id` answers as `commerce`. */
export interface CustomerCommerce {
  shopCustomers: ShopCustomerView[];
  orders: OrderView[];
  openCarts: CartView[];
  /** Paid, fulfilled and open orders; cancelled and refunded ones do not count. */
  lifetimeValue: { cents: number; currency: string | null; orders: number };
  firstOrderAt: number | null;
  lastOrderAt: number | null;
}

const ORDERS_SHOWN = 50;

type OrderRow = Pick<OrdersTable, 'id' | 'channel_id' | 'number' | 'status' | 'financial_status' | 'fulfillment_status' | 'total_cents' | 'currency' | 'items' | 'tracking_url' | 'discount_codes' | 'placed_at'>;

export function orderView(row: OrderRow): OrderView {
  return {
    id: row.id, channelId: row.channel_id, number: row.number, status: row.status, financialStatus: row.financial_status, fulfillmentStatus: row.fulfillment_status,
    totalCents: Number(row.total_cents), currency: row.currency, items: JSON.parse(row.items) as ShopLineItem[], trackingUrl: row.tracking_url,
    discountCodes: JSON.parse(row.discount_codes) as string[], placedAt: Number(row.placed_at),
  };
}

const orderColumns = ['id', 'channel_id', 'number', 'status', 'financial_status', 'fulfillment_status', 'total_cents', 'currency', 'items', 'tracking_url', 'discount_codes', 'placed_at'] as const;

/**
 * A contact's orders, open carts and value. Orders are found through the contact's linked
 * shop customers as well as their own `contact_id`, so a link made by another module
 * (identify) shows at once.
 */
export async function getCustomerCommerce(db: Db, workspaceId: string, contactId: string): Promise<CustomerCommerce> {
  const customers = await db.selectFrom('shop_customers').select(['id', 'channel_id', 'email', 'phone', 'first_name', 'last_name', 'link_method'])
    .where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('id').execute();
  const customerIds = customers.map((customer) => customer.id);
  const owned = <T extends 'orders' | 'checkouts'>(table: T) => (eb: any) => (customerIds.length > 0
    ? eb.or([eb(`${table}.contact_id`, '=', contactId), eb(`${table}.shop_customer_id`, 'in', customerIds)])
    : eb(`${table}.contact_id`, '=', contactId));
  const orders = await db.selectFrom('orders').select([...orderColumns]).where('workspace_id', '=', workspaceId).where(owned('orders'))
    .orderBy('placed_at', 'desc').limit(ORDERS_SHOWN).execute();
  const totals = await db.selectFrom('orders').select((eb) => [
    eb.fn.count<number>('id').as('n'), eb.fn.sum<number>('total_cents').as('cents'), eb.fn.min<number>('placed_at').as('first'), eb.fn.max<number>('placed_at').as('last'), eb.fn.max<string>('currency').as('currency'),
  ]).where('workspace_id', '=', workspaceId).where(owned('orders')).where('status', 'not in', ['cancelled', 'refunded']).executeTakeFirstOrThrow();
  const carts = await db.selectFrom('checkouts').select(['id', 'channel_id', 'total_cents', 'currency', 'items', 'recovery_url', 'platform_updated_at'])
    .where('workspace_id', '=', workspaceId).where(owned('checkouts')).where('completed_at', 'is', null).where('order_id', 'is', null)
    .orderBy('platform_updated_at', 'desc').limit(5).execute();
  const first = await db.selectFrom('orders').select((eb) => eb.fn.min<number>('placed_at').as('first')).where('workspace_id', '=', workspaceId).where(owned('orders')).executeTakeFirst();
  return {
    shopCustomers: customers.map((c) => ({ id: c.id, channelId: c.channel_id, email: c.email, phone: c.phone, name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null, linkMethod: c.link_method })),
    orders: orders.map(orderView),
    openCarts: carts.map((cart) => ({
      id: cart.id, channelId: cart.channel_id, totalCents: Number(cart.total_cents), currency: cart.currency, items: JSON.parse(cart.items) as ShopLineItem[],
      recoveryUrl: cart.recovery_url, updatedAt: Number(cart.platform_updated_at),
    })),
    lifetimeValue: { cents: Number(totals.cents ?? 0), currency: totals.currency ?? null, orders: Number(totals.n) },
    firstOrderAt: first?.first === null || first?.first === undefined ? null : Number(first.first),
    lastOrderAt: orders[0] ? Number(orders[0].placed_at) : null,
  };
}

/** `GET /api/v1/orders?email=…|contact_id=…`: newest first. */
export async function listOrders(db: Db, workspaceId: string, filter: { email?: string | undefined; contactId?: string | undefined; limit: number }): Promise<OrderView[]> {
  if (filter.contactId) {
    const contact = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', filter.contactId).executeTakeFirst();
    if (!contact) throw new AppError('contact.not_found', 'Contact not found');
    return (await getCustomerCommerce(db, workspaceId, filter.contactId)).orders.slice(0, filter.limit);
  }
  const email = filter.email!.trim().toLowerCase();
  const rows = await db.selectFrom('orders').select([...orderColumns]).where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('email', '=', email), eb('shop_customer_id', 'in', eb.selectFrom('shop_customers').select('id').where('workspace_id', '=', workspaceId).where('email', '=', email))]))
    .orderBy('placed_at', 'desc').limit(filter.limit).execute();
  return rows.map(orderView);
}

