import { z } from 'zod';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { ChannelContext, ConnectSpec } from '../provider.ts';
import { assertPlatformHost, isOutboundError, outboundAppError } from '../../net/index.ts';
import { XTimeout, type XApi, type XResponse } from './api.ts';
import { X_DEFAULT_API_BASE } from './constants.ts';

const flags = z.object({
  'account-id': z.string().regex(/^\d+$/, 'digits only (the numeric user id, not the @handle)'),
  'access-token': z.string().min(10),
  'api-base': z.url().optional(),
  name: z.string().min(1).max(120).optional(),
});

/**
 * Connecting an X account: the OAuth 2.0 user token must open the very account given
 * (`GET /2/users/me`). Subscribing the account to the app's Account Activity webhook is done
 * once per installation in X's developer portal or API, not per channel here (see README).
 */
export async function connectX(api: XApi, input: Record<string, string | undefined>): Promise<ConnectSpec> {
  const values = parseInput(flags, input);
  const apiBase = values['api-base'] ?? X_DEFAULT_API_BASE;
  assertPlatformHost(apiBase, ['api.x.com', 'api.twitter.com'], 'channel');
  const accountId = values['account-id'];
  const credentials = { accessToken: values['access-token'] };
  const context: ChannelContext = { id: `connect:${accountId}`, workspaceId: '', externalId: accountId, apiBase, credentials, settings: {} };
  let me: XResponse;
  try {
    me = await api(context, 'GET', '/2/users/me', { query: { 'user.fields': 'name,username' } });
  } catch (error) {
    if (isOutboundError(error)) throw outboundAppError(error, 'channel');
    if (error instanceof XTimeout) throw new AppError('channel.unreachable', 'The channel\'s API did not answer in time', { cause: error });
    throw error;
  }
  const data = me.status === 200 ? me.body?.data : undefined;
  // What the API answered is logged, never repeated to the caller: the address is theirs to choose.
  if (!data || String(data.id) !== accountId) {
    const why = data ? `it opens account ${String(data.id)}` : `the API answered HTTP ${me.status}`;
    throw new AppError('channel.needs_reconnect', `This token does not open X account ${accountId}: ${why}`, { cause: me.body });
  }
  const screenName = String(data.username ?? '');
  return {
    name: values.name ?? (screenName ? `@${screenName}` : `X ${accountId}`),
    externalId: accountId,
    accountIds: [accountId],
    apiBase,
    credentials,
    settings: { accountId, screenName },
  };
}
