import type { frCommerce } from './fr-commerce.ts';

export const enCommerce: Record<keyof typeof frCommerce, string> = {
  'commerce.none': 'No order linked to this customer yet.',
  'commerce.lifetimeValue': 'Customer value: {value} · {count} order(s)',
  'commerce.firstLast': 'First order on {first} · last on {last}',
  'commerce.openCart': 'Open cart: {value} ({count} item(s))',
  'commerce.recoveryLink': 'Cart recovery link',
  'commerce.track': 'Track the parcel',
  'commerce.status.open': 'Pending',
  'commerce.status.paid': 'Paid',
  'commerce.status.fulfilled': 'Shipped',
  'commerce.status.cancelled': 'Cancelled',
  'commerce.status.refunded': 'Refunded',
  'commerce.suggestion': 'Order {number} named in a message ({who}).',
  'commerce.confirmLink': 'Link to this customer',
  'commerce.linkedAs': 'Shop customer {who} ({how})',
  'commerce.unlink': 'Unlink',
  'commerce.method.email': 'same email',
  'commerce.method.phone': 'same phone',
  'commerce.method.identify': 'identified on the site',
  'commerce.method.order_number': 'order number',
  'commerce.method.agent': 'linked by hand',
};
