import { addChannel, loadChannelContext } from '../../channels/index.ts';
import { AppError } from '../../kernel/index.ts';
import { guardedFetch, isOutboundError, outboundAppError } from '../../net/index.ts';
import type { PublishingDeps } from '../../publishing/index.ts';

const PINTEREST_API = 'https://api.pinterest.com';

async function pinterestGet(apiBase: string, token: string, path: string) {
  const url = new URL(`${apiBase.replace(/\/+$/, '')}${path}`);
  const response = await guardedFetch(url, { headers: { authorization: `Bearer ${token}` }, timeoutMs: 10_000, credentialOrigin: url.origin }).catch((error: unknown) => {
    throw isOutboundError(error) ? outboundAppError(error, 'channel') : error;
  });
  return { status: response.status, body: await response.json().catch(() => ({})) as any };
}

/** Connects a Pinterest account for publishing: the token must open a user account. */
export async function connectPinterest(deps: PublishingDeps, workspaceId: string, input: { accessToken: string; apiBase?: string | undefined; name?: string | undefined }) {
  const apiBase = input.apiBase ?? PINTEREST_API;
  const me = await pinterestGet(apiBase, input.accessToken, '/v5/user_account');
  if (me.status !== 200 || !me.body?.username) throw new AppError('channel.needs_reconnect', `Pinterest refused the token: ${String(me.body?.message ?? `HTTP ${me.status}`)}`);
  const username = String(me.body.username);
  const id = await addChannel(deps, {
    workspaceId, kind: 'pinterest', name: input.name ?? `Pinterest @${username}`, externalId: username, accountIds: [username], apiBase,
    credentials: { accessToken: input.accessToken }, settings: { username },
  });
  return { id, name: input.name ?? `Pinterest @${username}` };
}

/** The account's boards, to pick where a Pin goes. */
export async function pinterestBoards(deps: PublishingDeps, workspaceId: string, channelId: string) {
  const channel = await loadChannelContext(deps, workspaceId, channelId);
  if (channel.kind !== 'pinterest') throw new AppError('channel.not_found', 'Not a Pinterest channel');
  const list = await pinterestGet(channel.apiBase, channel.credentials.accessToken ?? '', '/v5/boards?page_size=100');
  if (list.status === 401) throw new AppError('channel.needs_reconnect', 'Pinterest refused the token');
  return { boards: ((list.body?.items ?? []) as any[]).map((b) => ({ id: String(b.id), name: String(b.name ?? '') })) };
}
