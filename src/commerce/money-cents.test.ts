import { describe, expect, it } from 'vitest';
import { wooPlatform } from './index.ts';
import { toCents } from './normalize.ts';

describe('shop money in cents', () => {
  it('reads decimal strings exactly, and rounds a third decimal rather than dropping it', () => {
    expect(['24.90', '0.1', '19.99', '1 234,5', '-0.50', '12345678901.23', ''].map(toCents)).toEqual([2490, 10, 1999, 123450, -50, 1234567890123, 0]);
    expect([1.005, 13.335, 24.9, 7].map(toCents)).toEqual([101, 1334, 2490, 700]);
    expect(['19.995', '19.994', '0.005', '-2.675', '10.9999'].map(toCents)).toEqual([2000, 1999, 1, -268, 1100]);
  });

  it('totals a WooCommerce order from a shop set to three decimals as its receipt does', () => {
    const event = wooPlatform.parseWebhook('order.created', '{"id":71,"status":"processing","total":"40.005","date_created_gmt":"2026-11-23T10:00:00","line_items":[{"name":"Thé","quantity":3,"price":13.335}]}');
    expect(event.type === 'order' && [event.order.totalCents, event.order.items[0]!.priceCents]).toEqual([4001, 1334]);
  });
});
