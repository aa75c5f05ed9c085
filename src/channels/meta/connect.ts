import { z } from 'zod';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { ChannelContext, ConnectSpec } from '../provider.ts';
import { assertPlatformHost, isOutboundError, outboundAppError } from '../../net/index.ts';
import { graphCall, GraphTimeout, type GraphResponse } from './graph.ts';
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
  assertPlatformHost(apiBase, ['graph.facebook.com'], 'channel');
  const context: ChannelContext = { id: '', workspaceId: '', externalId: values['page-id'], apiBase, credentials: { pageToken: values['page-token'] }, settings: {} };
  const page = await connectCall(context, 'GET', 'me', { fields: 'id,name' });
  // What the API answered is logged, never repeated to the caller: the address is theirs to choose.
  if (page.status !== 200 || String(page.body?.id) !== values['page-id']) {
    throw new AppError('channel.needs_reconnect', `This token does not open Page ${values['page-id']} (the API answered HTTP ${page.status})`, { cause: page.body });
  }
  const subscribed = await connectCall(context, 'POST', `${values['page-id']}/subscribed_apps`, { subscribed_fields: SUBSCRIBED_FIELDS });
  if (subscribed.status !== 200 || subscribed.body?.success !== true) {
    throw new AppError('channel.needs_reconnect', `Could not subscribe to the Page's webhooks (the API answered HTTP ${subscribed.status})`, { cause: subscribed.body });
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

/** A Graph call made while connecting: a refused or silent address is a 4xx with its reason. */
async function connectCall(context: ChannelContext, method: 'GET' | 'POST', path: string, params: Record<string, unknown>): Promise<GraphResponse> {
  try {
    return await graphCall(context, method, path, params);
  } catch (error) {
    if (isOutboundError(error)) throw outboundAppError(error, 'channel');
    if (error instanceof GraphTimeout) throw new AppError('channel.unreachable', 'The channel\'s API did not answer in time', { cause: error });
    throw error;
  }
}
