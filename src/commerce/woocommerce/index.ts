/** WooCommerce: webhooks signed with each webhook's secret, the REST API v3 with consumer key and secret. See README.md. */
export { wooPlatform } from './adapter.ts';
export { parseWooWebhook } from './inbound.ts';
