import type { ShopPlatform } from './shop-event.ts';
import { shopifyPlatform } from './shopify/index.ts';
import { wooPlatform } from './woocommerce/index.ts';

/** The shop platforms this build ships, by `channels.kind`: adding one is one line here. */
export const shopAdapters: ReadonlyMap<string, ShopPlatform> = new Map([shopifyPlatform, wooPlatform].map((platform) => [platform.platform, platform]));

/** Woo decodes HTML entities in the stored secret before signing (`wp_specialchars_decode`). */
export function wooSecretCandidates(secret: string | undefined): string[] {
  if (!secret) return [];
  const decoded = secret.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, '\'');
  return decoded === secret ? [secret] : [decoded, secret];
}
