/**
 * commerce: shops (`shopify/`, `woocommerce/`) beside the inbox — customers, orders and
 * checkouts, identity links, cart recovery, promo codes, attribution and privacy requests.
 * The intake stores each signed webhook in `inbound_events` and answers; the
 * `commerce.process` job writes it; `commerce.reconcile` fills what webhooks missed.
 */
export type { PromoCodeRequest, ShopAdapter, ShopCheckout, ShopContext, ShopCustomer, ShopLineItem, ShopOrder } from './shop-adapter.ts';
export { decideRecovery, recoveryKey } from './recovery/decide-recovery.ts';
export { recoverAbandonedCarts, onCheckoutUpserted, RECOVER_QUEUE } from './recovery/recover-abandoned.ts';
export { recoveryDepsFrom, type RecoveryDeps, type RecoveryOutcome, type RecoveryReason } from './recovery/recovery-deps.ts';
export { getRecoverySettings, saveRecoverySettings, recoverySettingsSchema, renderRecoveryTemplate, isQuietTime, defaultRecoverySettings, type RecoverySettings } from './recovery/recovery-settings.ts';
export { setContactOptOut, isStopMessage } from './recovery/opt-out.ts';
export { recoveryCodeFor } from './recovery/recovery-promo.ts';
export { attributeOrder, type AttributionDeps } from './attribution/attribute-order.ts';
export { attributionReport, type AttributionReport } from './attribution/attribution-report.ts';
export { mapPromoCode, mapPromoCodeSchema, listPromoCodes } from './attribution/map-promo-code.ts';
export type { ShopEvent, ShopPlatform, ShopConnectFlags, ShopConnectSpec } from './shop-event.ts';
export type { CommerceDeps, CommerceHooks } from './deps.ts';
export { shopAdapters, wooSecretCandidates } from './shop-platforms.ts';
export { shopifyPlatform, SHOPIFY_API_VERSION } from './shopify/index.ts';
export { wooPlatform } from './woocommerce/index.ts';
export { ShopApiError } from './shop-api-error.ts';
export { verifyBase64Hmac } from './verify-hmac.ts';
export { recordShopDelivery, queueShopProcessing, shopProcessJob, SHOP_PROCESS_QUEUE, SHOP_PROCESS_ATTEMPTS, type ShopDelivery } from './record-shop-delivery.ts';
export { processShopDelivery, notifyHooks, PRIVACY_SHOP_REQUEST_QUEUE, SHOP_UPSERTED_QUEUE, upsertedJob, type PrivacyShopRequest, type Upserted } from './process-shop-delivery.ts';
export { reconcileShop, reconcileAllShops, loadShopContext, queueReconcile, reconcileJob, SHOP_RECONCILE_QUEUE, SHOP_RECONCILE_ALL_QUEUE } from './reconcile-shops.ts';
export { upsertOrder, upsertCheckout, upsertShopCustomer, type ShopRef } from './upsert-shop-records.ts';
export { linkContactToShopCustomers, linkIdentifiedContact, linkSameEmail, propagateLink, type LinkMethod } from './link-identities.ts';
export { linkShopCustomer, unlinkShopCustomer, suggestOrderLinks, findOrderNumbers, type LinkSuggestion } from './agent-links.ts';
export { getCustomerCommerce, listOrders, type CustomerCommerce, type OrderView, type CartView } from './customer-commerce.ts';
export { connectShop } from './connect-shop.ts';
export { createDealPromoCode, type DealPromoInput } from './deal-promo.ts';
export { socialUtm } from './attribution/utm.ts';
export { commerceJobs } from './jobs.ts';
