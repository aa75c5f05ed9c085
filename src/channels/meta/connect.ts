import { z } from 'zod';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { ChannelContext, ConnectSpec } from '../provider.ts';
import { graphCall } from './graph.ts';
import { META_DEFAULT_API_BASE } from './constants.ts';

const flags = z.object({
  'page-id': z.string().regex(/^\d+$/, 'digits only'),
  'page-token': z.string().min(10),
  'instagram-id': z.string().regex(/^\d+$/, 'digits only').optional(),
  'api-base': z.url().optional(),
  name: z.string().min(1).max(120).optional(),
});

const SUBSCRIBED_FIELDS = 'feed,messages,message_echoes,message_deliveries,message_reads,messaging_postbacks,message_reactions';

/**
 * Connecting a Page: the token must open the Page, and the app is subscribed to its
 * webhooks (PLATFORMS.md §1.3: nothing is delivered until `subscribed_apps` says so).
 */
export async function connectMeta(input: Record<string, string | undefined>): Promise<ConnectSpec> {
  const values = parseInput(flags, input);
  const apiBase = values['api-base'] ?? META_DEFAULT_API_BASE;
  const context: ChannelContext = { id: '', workspaceId: '', externalId: values['page-id'], apiBase, credentials: { pageToken: values['page-token'] }, settings: {} };
  const page = await graphCall(context, 'GET', 'me', { fields: 'id,name' });
  if (page.status !== 200 || String(page.body?.id) !== values['page-id']) {
    throw new AppError('channel.needs_reconnect', `This token does not open Page ${values['page-id']}: ${page.body?.error?.message ?? `HTTP ${page.status}`}`);
  }
  const subscribed = await graphCall(context, 'POST', `${values['page-id']}/subscribed_apps`, { subscribed_fields: SUBSCRIBED_FIELDS });
  if (subscribed.status !== 200 || subscribed.body?.success !== true) {
    throw new AppError('channel.needs_reconnect', `Could not subscribe to the Page's webhooks: ${subscribed.body?.error?.message ?? `HTTP ${subscribed.status}`}`);
  }
  const instagramId = values['instagram-id'];
  return {
    name: values.name ?? String(page.body.name ?? `Page ${values['page-id']}`),
    externalId: values['page-id'],
    accountIds: instagramId ? [values['page-id'], instagramId] : [values['page-id']],
    apiBase,
    credentials: { pageToken: values['page-token'] },
    settings: instagramId ? { instagramId } : {},
  };
}
