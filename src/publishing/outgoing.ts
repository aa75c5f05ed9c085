import type { Db, PubPostsTable, PubVersionsTable } from '../store/index.ts';
import type { PublishingDeps } from './deps.ts';
import { mediaUrls } from './media-library.ts';
import type { OutgoingPost } from './publishers/index.ts';

/**
 * Adds `utm_source=<network>&utm_medium=social&utm_campaign=<campaign>&utm_content=<post id>`
 * to every link that leads to one of the shop's hosts, keeping the link's own parameters
 * and replacing any utm tag it already had.
 *
 * @example tagShopLinks('Vite ! https://boutique.fr/p/1', ['boutique.fr'], { source: 'x', campaign: 'noel', content: 'P1' })
 * // 'Vite ! https://boutique.fr/p/1?utm_source=x&utm_medium=social&utm_campaign=noel&utm_content=P1'
 */
export function tagShopLinks(text: string, shopHosts: string[], tags: { source: string; campaign: string | null; content: string }): string {
  if (shopHosts.length === 0) return text;
  return text.replace(/https?:\/\/[^\s<>"]+/g, (found) => {
    // Trailing punctuation belongs to the sentence, not the link.
    const [, link = found, tail = ''] = /^(.*?)([.,;:!?)\]]*)$/.exec(found) ?? [];
    return tagLink(link, shopHosts, tags) + tail;
  });
}

export function tagLink(link: string, shopHosts: string[], tags: { source: string; campaign: string | null; content: string }): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!shopHosts.some((shop) => host === shop || host.endsWith(`.${shop}`))) return link;
  url.searchParams.set('utm_source', tags.source);
  url.searchParams.set('utm_medium', 'social');
  url.searchParams.set('utm_campaign', tags.campaign ?? 'relais');
  url.searchParams.set('utm_content', tags.content);
  return url.toString();
}

/** The hosts of the workspace's shops (Shopify domains, Woo sites, and any `shopHosts` setting). */
export async function shopHostsOf(db: Db, workspaceId: string): Promise<string[]> {
  const shops = await db.selectFrom('channels').select(['kind', 'external_id', 'settings']).where('workspace_id', '=', workspaceId).where('kind', 'in', ['shopify', 'woocommerce']).execute();
  const hosts = new Set<string>();
  for (const shop of shops) {
    try {
      if (shop.external_id) hosts.add(new URL(shop.external_id.includes('://') ? shop.external_id : `https://${shop.external_id}`).hostname.toLowerCase().replace(/^www\./, ''));
    } catch { /* an odd external id names no host */ }
    const extra = (JSON.parse(shop.settings) as { shopHosts?: unknown }).shopHosts;
    if (Array.isArray(extra)) for (const host of extra) hosts.add(String(host).toLowerCase().replace(/^www\./, ''));
  }
  return [...hosts];
}

/** A version as it leaves: shop links tagged, the deal's code as typed, media as public URLs. */
export async function outgoingPost(deps: Pick<PublishingDeps, 'db' | 'publicUrl'>, post: PubPostsTable, version: PubVersionsTable): Promise<OutgoingPost> {
  const hosts = await shopHostsOf(deps.db, post.workspace_id);
  const tags = { source: version.network, campaign: post.campaign, content: post.id };
  const media = await mediaUrls(deps, post.workspace_id, JSON.parse(version.media_ids) as string[]);
  return {
    versionId: version.id,
    text: tagShopLinks(version.text, hosts, tags),
    title: version.title,
    boardId: version.board_id,
    link: post.link ? tagLink(post.link, hosts, tags) : null,
    mediaUrls: media.urls,
    containerId: version.container_id,
    since: Number(version.attempt_started_at ?? version.updated_at),
  };
}
