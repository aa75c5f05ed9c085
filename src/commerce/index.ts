/**
 * commerce: shops (`shopify/`, `woocommerce/`) beside the inbox — customers, orders and
 * checkouts, identity links, cart recovery, promo codes, attribution and privacy requests.
 */
export type { PromoCodeRequest, ShopAdapter, ShopCheckout, ShopContext, ShopCustomer, ShopLineItem, ShopOrder } from './shop-adapter.ts';
export { decideRecovery, recoveryKey } from './recovery/decide-recovery.ts';
export { recoverAbandonedCarts, onCheckoutUpserted, RECOVER_QUEUE } from './recovery/recover-abandoned.ts';
export type { RecoveryDeps, RecoveryOutcome, RecoveryReason } from './recovery/recovery-deps.ts';
export { getRecoverySettings, saveRecoverySettings, recoverySettingsSchema, renderRecoveryTemplate, isQuietTime, defaultRecoverySettings, type RecoverySettings } from './recovery/recovery-settings.ts';
export { setContactOptOut, isStopMessage } from './recovery/opt-out.ts';
export { recoveryCodeFor } from './recovery/recovery-promo.ts';
export { attributeOrder, type AttributionDeps } from './attribution/attribute-order.ts';
export { attributionReport, type AttributionReport } from './attribution/attribution-report.ts';
export { mapPromoCode, mapPromoCodeSchema, listPromoCodes } from './attribution/map-promo-code.ts';
