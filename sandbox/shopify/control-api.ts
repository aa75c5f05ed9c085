/**
 * Shopify's control API: `POST /_sandbox/shopify/<action>` (a customer, an order, a
 * checkout left in the cart, an order paid or shipped: each sends the signed webhook
 * Shopify would), `GET /_sandbox/shopify/log` for the shops, the webhooks sent and the Admin
 * API calls Relais made (discount codes included).
 */
import { z } from 'zod';
import { values, type ControlSurface } from '../control/serve-control.ts';
import { price, shopDelivery } from '../shop/control-inputs.ts';
import type { ShopifySandbox } from './shopify-sandbox.ts';

const send = shopDelivery.unwrap().extend({ signWithPrevious: z.boolean().optional() }).optional();
const customer = z.object({
  id: z.number().int().positive().optional(), email: z.email().nullable().optional(), phone: z.string().nullable().optional(),
  firstName: z.string().optional(), lastName: z.string().optional(),
});
const lines = z.array(z.object({ title: z.string().min(1), price, quantity: z.number().int().min(1).optional(), sku: z.string().optional() })).min(1);
const order = z.object({
  shop: z.string().optional(), email: z.email().nullable().optional(), customer: customer.nullable().optional(), lineItems: lines,
  financialStatus: z.enum(['pending', 'paid', 'refunded', 'partially_refunded', 'authorized']).optional(),
  checkoutToken: z.string().nullable().optional(), discountCodes: z.array(z.string()).optional(), landingSite: z.string().nullable().optional(),
  /** The order's number (`#4512`); by default the shop's next one. */
  number: z.number().int().min(1).optional(),
  delivery: send,
});
const checkout = z.object({
  shop: z.string().optional(), token: z.string().min(1).optional(), email: z.email().nullable().optional(), phone: z.string().nullable().optional(),
  customer: customer.nullable().optional(), lineItems: lines, startedMinutesAgo: z.number().int().min(0).max(43_200).optional(), delivery: send,
});
const updateOrder = z.object({
  id: z.union([z.string(), z.number()]),
  financialStatus: z.enum(['paid', 'refunded', 'partially_refunded']).optional(),
  fulfill: z.object({ trackingUrl: z.url() }).optional(),
  cancel: z.boolean().optional(),
  delivery: send,
});

export function shopifyControl(shopify: ShopifySandbox): ControlSurface {
  return {
    log: () => ({
      shops: shopify.domains().map((domain) => {
        const shop = shopify.shop(domain);
        return { domain: shop.domain, name: shop.name, customers: values(shop.customers), orders: values(shop.orders), checkouts: values(shop.checkouts), discountCodes: values(shop.discountCodes) };
      }),
      deliveries: shopify.deliveries,
      calls: shopify.calls,
    }),
    commands: {
      addShop: (body) => {
        const { accessToken: _token, ...shop } = shopify.addShop(z.object({ domain: z.string().min(1), accessToken: z.string().min(1), name: z.string().optional() }).parse(body));
        return { domain: shop.domain, name: shop.name };
      },
      createCustomer: (body) => { const { delivery, ...input } = customer.extend({ shop: z.string().optional(), delivery: send }).parse(body); return shopify.createCustomer(input, delivery); },
      createOrder: (body) => {
        const { delivery, number, ...input } = order.parse(body);
        if (number !== undefined) shopify.shop(input.shop).nextOrderNumber = number;
        return shopify.createOrder(input, delivery);
      },
      updateOrder: (body) => { const { id, delivery, ...patch } = updateOrder.parse(body); return shopify.updateOrder(id, patch, delivery); },
      createCheckout: (body) => { const { delivery, ...input } = checkout.parse(body); return shopify.createCheckout(input, delivery); },
      updateCheckout: (body) => {
        const { token, delivery, ...patch } = z.object({ token: z.string().min(1), lineItems: lines.optional(), email: z.email().optional(), delivery: send }).parse(body);
        return shopify.updateCheckout(token, patch, delivery);
      },
      privacyRequest: (body) => {
        const { topic, payload, delivery, shop } = z.object({
          topic: z.enum(['customers/data_request', 'customers/redact', 'shop/redact']), payload: z.record(z.string(), z.unknown()), shop: z.string().optional(), delivery: send,
        }).parse(body);
        return shopify.privacyRequest(topic, payload, { ...delivery, shop });
      },
      deliver: (body) => {
        const { topic, body: raw, shop, delivery } = z.object({ topic: z.string().min(1), body: z.string(), shop: z.string().optional(), delivery: send }).parse(body);
        return shopify.deliver(topic, raw, { ...delivery, shop });
      },
      setRelaisUrl: (body) => shopify.setRelaisUrl(z.object({ url: z.url() }).parse(body).url),
      rotateSecret: (body) => shopify.rotateSecret(z.object({ secret: z.string().min(1) }).parse(body).secret),
      setPageLimit: (body) => shopify.setPageLimit(z.object({ limit: z.number().int().min(1).max(250) }).parse(body).limit),
      releaseHeld: () => shopify.releaseHeld(),
      idle: () => shopify.idle(),
    },
  };
}
