/**
 * WooCommerce's control API: `POST /_sandbox/woocommerce/<action>` (a customer, an order,
 * an order's new status or tracking: each sends the signed webhook the shop's Hookshot
 * would), `GET /_sandbox/woocommerce/log` for the stores, the webhooks sent and the REST
 * calls Relais made.
 */
import { z } from 'zod';
import { values, type ControlSurface } from '../control/serve-control.ts';
import { price, shopDelivery } from '../shop/control-inputs.ts';
import type { WooSandbox } from './woo-sandbox.ts';

const status = z.enum(['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed']);
const order = z.object({
  site: z.string().optional(), customerId: z.number().int().min(0).optional(),
  billing: z.object({ email: z.email(), firstName: z.string().optional(), lastName: z.string().optional(), phone: z.string().optional() }),
  lineItems: z.array(z.object({ name: z.string().min(1), price, quantity: z.number().int().min(1).optional(), sku: z.string().optional() })).min(1),
  status: status.optional(), couponCodes: z.array(z.string()).optional(),
  delivery: shopDelivery,
});
const customer = z.object({
  email: z.email(), firstName: z.string().optional(), lastName: z.string().optional(), phone: z.string().optional(), site: z.string().optional(), delivery: shopDelivery,
});

export function wooControl(woo: WooSandbox): ControlSurface {
  return {
    log: () => ({
      stores: woo.sites().map((site) => {
        const store = woo.store(site);
        return { siteUrl: store.siteUrl, webhookId: store.webhookId, deliveryUrl: store.deliveryUrl, customers: values(store.customers), orders: values(store.orders), coupons: values(store.coupons) };
      }),
      deliveries: woo.deliveries,
      calls: woo.calls,
    }),
    commands: {
      addStore: (body) => {
        const store = woo.addStore(z.object({ siteUrl: z.url(), consumerKey: z.string().min(1), consumerSecret: z.string().min(1), webhookSecret: z.string().min(1) }).parse(body));
        return { siteUrl: store.siteUrl, webhookId: store.webhookId };
      },
      createCustomer: (body) => { const { delivery, ...input } = customer.parse(body); return woo.createCustomer(input, delivery); },
      createOrder: (body) => { const { delivery, ...input } = order.parse(body); return woo.createOrder(input, delivery); },
      updateOrder: (body) => {
        const { id, delivery, site, ...patch } = z.object({ id: z.union([z.string(), z.number()]), status: status.optional(), trackingUrl: z.url().optional(), site: z.string().optional(), delivery: shopDelivery }).parse(body);
        return woo.updateOrder(id, patch, { ...delivery, site });
      },
      setDeliveryUrl: (body) => { const { url, site } = z.object({ url: z.url(), site: z.string().optional() }).parse(body); woo.setDeliveryUrl(url, site); },
      setWebhookSecret: (body) => { const { secret, site } = z.object({ secret: z.string().min(1), site: z.string().optional() }).parse(body); woo.setWebhookSecret(secret, site); },
      ping: (body) => woo.ping(z.object({ site: z.string().optional() }).parse(body).site),
      deliver: (body) => {
        const { topic, body: raw, site, delivery } = z.object({ topic: z.string().min(1), body: z.string(), site: z.string().optional(), delivery: shopDelivery }).parse(body);
        return woo.deliver(topic, raw, { ...delivery, site });
      },
      releaseHeld: () => woo.releaseHeld(),
      idle: () => woo.idle(),
    },
  };
}
