/** Shopify: webhooks signed with the app secret, the Admin REST API with the shop's access token. See README.md. */
export { shopifyPlatform } from './adapter.ts';
export { parseShopifyWebhook, shopifyTopics } from './inbound.ts';
export { SHOPIFY_API_VERSION } from './api.ts';
