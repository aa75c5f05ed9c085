import { addChannel, type ChannelsDeps } from '../channels/index.ts';
import { AppError } from '../kernel/index.ts';
import type { ShopConnectFlags, ShopPlatform } from './shop-event.ts';

/**
 * Connects a shop: the platform checks the flags and credentials against its API, then the
 * shop becomes a `channels` row (credentials sealed) routed by its domain or site URL.
 * `relais channel add shopify|woocommerce` and the console both come here.
 *
 * @example await connectShop(deps, shopAdapters, workspaceId, 'shopify', { 'shop-domain': 'lea.myshopify.com', 'access-token': 'shpat_…' })
 */
export async function connectShop(deps: ChannelsDeps, platforms: ReadonlyMap<string, ShopPlatform>, workspaceId: string, kind: string, flags: ShopConnectFlags): Promise<string> {
  const platform = platforms.get(kind);
  if (!platform) throw new AppError('channel.not_found', `No shop platform "${kind}"`);
  const spec = await platform.connect(flags);
  return addChannel(deps, { workspaceId, kind: platform.platform, ...spec });
}
