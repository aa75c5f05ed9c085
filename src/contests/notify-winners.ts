import { AppError, isAppError } from '../kernel/index.ts';
import { messageContact, sendReply } from '../inbox/index.ts';
import type { ContestsDeps } from './deps.ts';

/**
 * Tells the winners, through the inbox's send path: a private reply to their comment where
 * the platform has them (Facebook, Instagram, within 7 days of the comment), otherwise a DM
 * on the network they entered on (X; refused when the person's DMs are closed). What the platform or its
 * policy refuses is recorded with the reason, so the console says who still has to be told.
 * Sent again, a winner already told is skipped (idempotency key per contest and entry).
 */
export async function notifyWinners(deps: ContestsDeps, workspaceId: string, actorId: string | null, contestId: string) {
  const contest = await deps.db.selectFrom('contests').select(['name', 'status']).where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  if (contest.status !== 'drawn') throw new AppError('contest.not_drawn', 'Draw the contest before telling the winners');
  const winners = await deps.db.selectFrom('contest_winners as w')
    .leftJoin('contest_entries as e', (j) => j.onRef('e.workspace_id', '=', 'w.workspace_id').onRef('e.contest_id', '=', 'w.contest_id').onRef('e.id', '=', 'w.entry_id'))
    .select(['w.entry_id', 'w.conversation_id', 'w.contact_id', 'w.notice', 'e.author_name', 'e.channel_id', 'e.network'])
    .where('w.workspace_id', '=', workspaceId).where('w.contest_id', '=', contestId).where('w.role', '=', 'winner').where('w.notice', 'in', ['pending', 'impossible', 'failed']).execute();
  const actor = { type: 'user' as const, id: actorId };
  for (const winner of winners) {
    const text = `Félicitations${winner.author_name ? ` ${winner.author_name}` : ''} ! Vous avez gagné le jeu « ${contest.name} ». Répondez-nous ici pour recevoir votre lot.`;
    let update: { notice: 'queued' | 'impossible'; notice_reason: string | null; message_id: string | null };
    try {
      if (!winner.conversation_id) throw new AppError('channel.policy_refused', 'The entry has no conversation to answer in');
      const conversation = await deps.db.selectFrom('conversations as v').innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.channel_id'))
        .select(['c.kind']).where('v.workspace_id', '=', workspaceId).where('v.id', '=', winner.conversation_id).executeTakeFirst();
      const provider = conversation ? deps.inbox.channels.get(conversation.kind) : undefined;
      if (!provider) throw new AppError('channel.policy_refused', 'The channel of this entry is not connected any more');
      if (provider.privateReplies) {
        const sent = await sendReply(deps.inbox, workspaceId, actor, winner.conversation_id, { text, visibility: 'private', idempotencyKey: `contest:${contestId}:${winner.entry_id}` });
        update = { notice: 'queued', notice_reason: null, message_id: sent.messageId };
      } else {
        if (!winner.contact_id || !winner.channel_id) throw new AppError('channel.policy_refused', 'The winner is not known as a contact any more');
        const sent = await messageContact(deps.inbox, workspaceId, actor, { channelId: winner.channel_id, contactId: winner.contact_id, surface: winner.network ?? conversation!.kind, text, idempotencyKey: `contest:${contestId}:${winner.entry_id}` });
        update = { notice: 'queued', notice_reason: null, message_id: sent.messageId };
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      update = { notice: 'impossible', notice_reason: error.message, message_id: null };
    }
    await deps.db.updateTable('contest_winners').set({ ...update, updated_at: deps.clock.now() })
      .where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).where('entry_id', '=', winner.entry_id).execute();
  }
  await deps.bus.publish(workspaceId, 'contest.winners', { contestId });
  return listWinners(deps, workspaceId, contestId);
}

/** Winners and alternates with how each was told: the send's own state once it is queued. */
export async function listWinners(deps: Pick<ContestsDeps, 'db'>, workspaceId: string, contestId: string) {
  const rows = await deps.db.selectFrom('contest_winners as w')
    .leftJoin('contest_entries as e', (j) => j.onRef('e.workspace_id', '=', 'w.workspace_id').onRef('e.contest_id', '=', 'w.contest_id').onRef('e.id', '=', 'w.entry_id'))
    .leftJoin('outbound as o', (j) => j.onRef('o.workspace_id', '=', 'w.workspace_id').onRef('o.message_id', '=', 'w.message_id'))
    .select(['w.entry_id', 'w.role', 'w.rank', 'w.contact_id', 'w.conversation_id', 'w.notice', 'w.notice_reason', 'e.author_name', 'e.network', 'o.state', 'o.failure_reason', 'o.action_type'])
    .where('w.workspace_id', '=', workspaceId).where('w.contest_id', '=', contestId).execute();
  const order = (r: (typeof rows)[number]) => (r.role === 'winner' ? 0 : 1000) + r.rank;
  return rows.sort((a, b) => order(a) - order(b)).map((r) => {
    const notice = r.notice === 'queued' && r.state ? (r.state === 'sent' ? 'sent' : r.state === 'failed' ? 'failed' : 'queued') : r.notice;
    const via: 'private_reply' | 'dm' | null = r.action_type === 'private_reply' ? 'private_reply' : r.action_type === 'message' ? 'dm' : null;
    return {
      entryId: r.entry_id, role: r.role, rank: r.rank, contactId: r.contact_id, conversationId: r.conversation_id, authorName: r.author_name, network: r.network,
      notice, reason: r.notice_reason ?? r.failure_reason ?? null, via,
    };
  });
}
