import { AppError, newId } from '../kernel/index.ts';
import { isUniqueViolation, type RoutingMode } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';

export interface TeamInput {
  name: string;
  mode: RoutingMode;
  /** Channels the team serves; a conversation on one of them is routed to this team. */
  channelIds: string[];
  /** Serves every channel no team names; at most one team is the default. */
  isDefault: boolean;
  members: { userId: string; capacity: number }[];
}

export interface Team extends TeamInput {
  id: string;
}

/** The workspace's teams with their members, oldest first. */
export async function listTeams(deps: Pick<InboxDeps, 'db'>, workspaceId: string): Promise<Team[]> {
  const [teams, members] = await Promise.all([
    deps.db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute(),
    deps.db.selectFrom('team_members').select(['team_id', 'user_id', 'capacity']).where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('user_id').execute(),
  ]);
  return teams.map((team) => ({
    id: team.id, name: team.name, mode: team.mode, channelIds: JSON.parse(team.channel_ids) as string[], isDefault: team.is_default === 1,
    members: members.filter((m) => m.team_id === team.id).map((m) => ({ userId: m.user_id, capacity: Number(m.capacity) })),
  }));
}

/**
 * Creates (`teamId` null) or replaces a team: name, routing mode, channels served, default
 * flag and members with their capacity. Members must belong to the workspace and channels
 * to it; making a team the default takes the flag from any other.
 */
export async function saveTeam(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, teamId: string | null, input: TeamInput): Promise<Team> {
  const now = deps.clock.now();
  const userIds = [...new Set(input.members.map((m) => m.userId))];
  const channelIds = [...new Set(input.channelIds)];
  if (userIds.length !== input.members.length) throw new AppError('request.invalid', 'A member is listed twice', { fields: { members: ['listed twice'] } });
  const known = userIds.length === 0 ? [] : await deps.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', 'in', userIds).execute();
  if (known.length !== userIds.length) throw new AppError('member.not_assignable', 'Only members of this workspace can join a team', { fields: { members: ['not a member'] } });
  const channels = channelIds.length === 0 ? [] : await deps.db.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', channelIds).execute();
  if (channels.length !== channelIds.length) throw new AppError('channel.not_found', 'Channel not found', { fields: { channelIds: ['unknown channel'] } });
  const id = teamId ?? newId(now);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const values = { name: input.name, mode: input.mode, channel_ids: JSON.stringify(channelIds), is_default: input.isDefault ? 1 : 0, updated_at: now };
      if (input.isDefault) await trx.updateTable('teams').set({ is_default: 0 }).where('workspace_id', '=', workspaceId).where('id', '!=', id).execute();
      if (teamId === null) {
        await trx.insertInto('teams').values({ workspace_id: workspaceId, id, created_at: now, ...values }).execute();
      } else {
        const result = await trx.updateTable('teams').set(values).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new AppError('team.not_found', 'Team not found');
      }
      // Members who stay keep their place in the round-robin turn.
      const existing = await trx.selectFrom('team_members').select(['user_id']).where('workspace_id', '=', workspaceId).where('team_id', '=', id).execute();
      const gone = existing.map((m) => m.user_id).filter((userId) => !userIds.includes(userId));
      if (gone.length > 0) await trx.deleteFrom('team_members').where('workspace_id', '=', workspaceId).where('team_id', '=', id).where('user_id', 'in', gone).execute();
      for (const member of input.members) {
        await trx.insertInto('team_members').values({ workspace_id: workspaceId, team_id: id, user_id: member.userId, capacity: member.capacity, last_assigned_seq: 0, created_at: now })
          .onConflict((oc) => oc.columns(['workspace_id', 'team_id', 'user_id']).doUpdateSet({ capacity: member.capacity })).execute();
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('team.duplicate', 'A team already has this name', { fields: { name: ['already used'] } });
    throw error;
  }
  return { id, ...input, channelIds };
}

export async function deleteTeam(deps: Pick<InboxDeps, 'db'>, workspaceId: string, teamId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('teams').where('workspace_id', '=', workspaceId).where('id', '=', teamId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError('team.not_found', 'Team not found');
    await trx.deleteFrom('team_members').where('workspace_id', '=', workspaceId).where('team_id', '=', teamId).execute();
  });
}
