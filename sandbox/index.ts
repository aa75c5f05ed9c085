/**
 * The platform simulator: a separate HTTP server that plays Meta and X for Relais's tests and demo.
 * It sends signed webhooks the way Meta does and serves the Graph API subset Relais calls.
 * Relais never imports this folder, and this folder never imports Relais.
 */
export { startSandbox, type Sandbox, type SandboxOptions } from './start-sandbox.ts';
export { runSandboxCli, type SandboxCliIo } from './cli.ts';
export type { Clock } from './clock.ts';
export type { MetaOptions } from './meta/create-meta-sandbox.ts';
export type {
  ActionResult, BatchOptions, BatchResult, Delivered, MetaAction, MetaEventBuilders, MetaSandbox,
} from './meta/meta-sandbox.ts';
export type { CommentIds, InstagramCommentIds, ReactionIds } from './meta/comment-events.ts';
export type { MessageIds } from './meta/messaging-events.ts';
export type { MetaEntry, MetaEvent, MetaObject, MetaWebhookBody } from './meta/event.ts';
export type {
  CommentInput, CommentRefInput, EditCommentInput, InstagramCommentInput, InstagramDmInput, MediaInput,
  MessengerMessageInput, PageInboxReplyInput, PageInput, PostInput, ReactionInput, UserInput,
} from './meta/inputs.ts';
export type { Delivery, DeliveryAttempt, DeliveryOptions } from './meta/webhook-sender.ts';
export type { DeleteRecord, GraphCall, HideRecord, LikeRecord, PublicReply, SentMessage } from './meta/records.ts';
export type { FailNextInput } from './meta/graph/faults.ts';
export type { GraphErrorFields, ThrottleCode } from './meta/graph/graph-error.ts';
export type { ThrottleInput, UsageOverride } from './meta/graph/usage.ts';
export type { VerifyResult } from './meta/verify-callback.ts';
export type { MediaRecord, PageRecord, PostRecord, UserRecord } from './meta/world.ts';
export { toMetaJson, signatureHeaders } from './meta/meta-json.ts';
export type { XOptions } from './x/create-x-sandbox.ts';
export type { XActionResult, XSandbox } from './x/x-sandbox.ts';
export type { XAccountInput, XAccountRecord, XDmRecord, XTweetRecord, XUserInput, XUserRecord } from './x/world.ts';
export type { XDelivery, XDeliveryOptions } from './x/webhook-sender.ts';
export type { XApiCall, XModeration, XSentDm, XSentTweet } from './x/records.ts';
export type { XFailNextInput } from './x/api/faults.ts';
export type { CrcResult } from './x/crc.ts';
export { toXJson, xSignature, xCrcToken } from './x/x-json.ts';
export type { ShopifyOptions, ShopifySandbox, ShopifySendOptions, ShopifyOrderPatch, ShopifySent } from './shopify/shopify-sandbox.ts';
export type { ShopifyShop, ShopifyOrderInput, ShopifyCheckoutInput, ShopifyCustomerInput } from './shopify/resources.ts';
export type { WooSandbox, WooSent } from './woocommerce/woo-sandbox.ts';
export type { WooStore, WooOrderInput } from './woocommerce/resources.ts';
export type { ShopDelivery, ShopDeliveryOptions } from './shop/shop-sender.ts';
export { base64Hmac } from './shop/shop-sender.ts';
export type { PinterestSandbox, PinterestAccount, PinterestBoard, PinterestPin, PinterestFailNext } from './pinterest/pinterest-sandbox.ts';
export type { ShopSite, SiteChat, SiteMessage, SiteVisitorInput } from './site/shop-site.ts';
export { engagementAt } from './publishing-media.ts';
