import { AppError, newId, type Clock, type Sealer } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ChannelContext } from './provider.ts';

export interface ChannelsDeps {
  db: Db;
  clock: Clock;
  sealer: Sealer;
}

export interface NewChannel {
  workspaceId: string;
  kind: string;
  name: string;
  externalId: string;
  /** Every id the platform uses for this channel in webhooks (a Page and its Instagram account). */
  accountIds: string[];
  apiBase: string;
  credentials: Record<string, string>;
  settings?: Record<string, unknown>;
}

/**
 * Connects a channel: credentials sealed at rest, webhook routes claimed. Connecting a page
 * or account that the workspace already has reconnects it (new token, active again).
 */
export async function addChannel(deps: ChannelsDeps, input: NewChannel): Promise<string> {
  const now = deps.clock.now();
  const existing = await deps.db.selectFrom('channel_routes').select(['workspace_id', 'channel_id'])
    .where('provider', '=', input.kind).where('account_id', 'in', input.accountIds).executeTakeFirst();
  if (existing && existing.workspace_id !== input.workspaceId) {
    throw new AppError('channel.already_connected', 'This page or account is connected to another workspace');
  }
  if (existing) {
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('channels').set({
        name: input.name, settings: JSON.stringify({ ...input.settings, apiBase: input.apiBase }),
        secrets: deps.sealer.seal(JSON.stringify(input.credentials)), status: 'active', updated_at: now,
      }).where('workspace_id', '=', input.workspaceId).where('id', '=', existing.channel_id).execute();
      for (const accountId of new Set(input.accountIds)) {
        await trx.insertInto('channel_routes').values({ provider: input.kind, account_id: accountId, workspace_id: input.workspaceId, channel_id: existing.channel_id })
          .onConflict((conflict) => conflict.columns(['provider', 'account_id']).doNothing()).execute();
      }
    });
    return existing.channel_id;
  }
  const id = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('channels').values({
      workspace_id: input.workspaceId, id, kind: input.kind, name: input.name, external_id: input.externalId,
      settings: JSON.stringify({ ...input.settings, apiBase: input.apiBase }),
      secrets: deps.sealer.seal(JSON.stringify(input.credentials)), status: 'active', created_at: now, updated_at: now,
    }).execute();
    for (const accountId of new Set(input.accountIds)) {
      await trx.insertInto('channel_routes').values({ provider: input.kind, account_id: accountId, workspace_id: input.workspaceId, channel_id: id }).execute();
    }
  });
  return id;
}

export interface RoutedChannel {
  workspaceId: string;
  channelId: string;
}

export async function findChannelByAccount(db: Db, provider: string, accountId: string): Promise<RoutedChannel | undefined> {
  const row = await db.selectFrom('channel_routes').select(['workspace_id', 'channel_id'])
    .where('provider', '=', provider).where('account_id', '=', accountId).executeTakeFirst();
  return row ? { workspaceId: row.workspace_id, channelId: row.channel_id } : undefined;
}

/** The channel with its credentials opened, for a provider to call the platform. */
export async function loadChannelContext(deps: Pick<ChannelsDeps, 'db' | 'sealer'>, workspaceId: string, channelId: string): Promise<ChannelContext & { kind: string; status: string }> {
  const row = await deps.db.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
  if (!row) throw new AppError('channel.not_found', 'Channel not found');
  const settings = JSON.parse(row.settings) as Record<string, unknown>;
  return {
    id: row.id, workspaceId: row.workspace_id, kind: row.kind, status: row.status, externalId: row.external_id,
    apiBase: String(settings.apiBase ?? ''), settings,
    credentials: row.secrets ? (JSON.parse(deps.sealer.open(row.secrets)) as Record<string, string>) : {},
  };
}

export async function markChannelStatus(db: Db, workspaceId: string, channelId: string, status: 'active' | 'needs_reconnect', at: number): Promise<void> {
  await db.updateTable('channels').set({ status, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', channelId).execute();
}
