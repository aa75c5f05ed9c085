import { emitWebhookEvent } from '../webhooks/index.ts';
import { AppError } from '../kernel/index.ts';
import type { ContestsDeps } from './deps.ts';
import { drawFromCsv } from './draw.ts';
import { entriesCsv, type CsvEntry } from './entries-csv.ts';
import { refreshEntries } from './refresh-entries.ts';

/**
 * The draw: the eligible entries are judged one last time and frozen into `entries.csv`,
 * the sealed seed is opened, the algorithm of docs/contests.md picks winners then alternates,
 * and the seed is published with the file so anyone can re-run it. Runs once per contest
 * (a conditional update guards a double click), after the contest has ended.
 */
export async function runDraw(deps: ContestsDeps, workspaceId: string, actorId: string | null, contestId: string) {
  const { db } = deps;
  const contest = await db.selectFrom('contests').select(['id', 'name', 'status', 'ends_at', 'winners_count', 'alternates_count', 'seed_sealed', 'commitment'])
    .where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  if (contest.status !== 'open') throw new AppError('contest.already_drawn', 'This contest has been drawn already');
  const now = deps.clock.now();
  if (now < contest.ends_at) throw new AppError('contest.still_running', `The contest runs until ${new Date(contest.ends_at).toISOString()}; draw after it ends`);

  await refreshEntries(deps, workspaceId, contestId);
  const eligible = await db.selectFrom('contest_entries').select(['id', 'network', 'contact_id', 'author_name', 'entered_at', 'conversation_id'])
    .where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).where('eligible', '=', 1).execute();
  const rows: CsvEntry[] = eligible.map((e) => ({
    entryId: e.id, network: e.network, authorId: e.contact_id ?? `entry:${e.id}`, authorName: e.author_name ?? '', createdAt: new Date(e.entered_at).toISOString(),
  }));
  const csv = entriesCsv(rows);
  const seed = deps.sealer.open(contest.seed_sealed);
  const result = drawFromCsv(Buffer.from(csv, 'utf8'), seed, contest.winners_count, contest.alternates_count);
  const picks = result.picks.map((p) => ({ role: p.role, rank: p.rank, entryId: p.entry.entryId, network: p.entry.network, authorName: p.entry.authorName }));
  const announcement = announcementDraft(contest.name, picks, { seed, commitment: contest.commitment, entriesHash: result.entriesHash, entries: rows.length });

  await db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('contests').set({ status: 'drawn', updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', contestId).where('status', '=', 'open').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('contest.already_drawn', 'This contest has been drawn already');
    await trx.insertInto('contest_draws').values({
      workspace_id: workspaceId, contest_id: contestId, entries_csv: csv, entries_hash: result.entriesHash, seed, picks: JSON.stringify(picks),
      announcement, drawn_by: actorId, drawn_at: now,
    }).execute();
    for (const pick of picks) {
      const entry = eligible.find((e) => e.id === pick.entryId)!;
      await trx.insertInto('contest_winners').values({
        workspace_id: workspaceId, contest_id: contestId, entry_id: pick.entryId, role: pick.role, rank: pick.rank, contact_id: entry.contact_id,
        conversation_id: entry.conversation_id, notice: 'pending', notice_reason: null, message_id: null, updated_at: now,
      }).execute();
    }
    await emitWebhookEvent(deps.inbox, trx, workspaceId, 'contest.drawn', { contestId, winners: picks.filter((p) => p.role === 'winner').length, alternates: picks.filter((p) => p.role === 'alternate').length, drawnAt: now });
  });
  await deps.bus.publish(workspaceId, 'contest.drawn', { contestId });
  return { entriesHash: result.entriesHash, seed, entries: rows.length, picks, announcement };
}

/** The announcement post, drafted for the shop to edit and publish. */
function announcementDraft(name: string, picks: { role: string; authorName: string; network: string }[], proof: { seed: string; commitment: string; entriesHash: string; entries: number }): string {
  const winners = picks.filter((p) => p.role === 'winner').map((p) => p.authorName || 'un participant');
  const alternates = picks.filter((p) => p.role === 'alternate').map((p) => p.authorName || 'un participant');
  return [
    `🎉 Résultat du jeu « ${name} » !`,
    winners.length ? `Bravo à ${winners.join(', ')} : vous avez gagné ! Nous vous écrivons en privé.` : 'Aucune participation valable : pas de gagnant cette fois.',
    alternates.length ? `Suppléants : ${alternates.join(', ')}.` : '',
    `Merci aux ${proof.entries} participants. Tirage vérifiable : empreinte annoncée ${proof.commitment}, graine ${proof.seed}, liste des participations sha256 ${proof.entriesHash}.`,
  ].filter(Boolean).join('\n');
}

/** The proof bundle: everything needed to re-run the draw, in one JSON document. */
export async function proofBundle(deps: Pick<ContestsDeps, 'db'>, workspaceId: string, contestId: string) {
  const contest = await deps.db.selectFrom('contests').select(['id', 'name', 'rules_text', 'commitment', 'winners_count', 'alternates_count', 'starts_at', 'ends_at'])
    .where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  const draw = await deps.db.selectFrom('contest_draws').selectAll().where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).executeTakeFirst();
  if (!draw) throw new AppError('contest.not_drawn', 'The proof exists once the contest is drawn');
  return {
    format: 'relais.contest-proof/1',
    contest: { id: contest.id, name: contest.name, startsAt: new Date(contest.starts_at).toISOString(), endsAt: new Date(contest.ends_at).toISOString() },
    rules: contest.rules_text,
    commitment: contest.commitment,
    entriesCsv: draw.entries_csv,
    entriesHash: draw.entries_hash,
    seed: draw.seed,
    winners: contest.winners_count,
    alternates: contest.alternates_count,
    picks: JSON.parse(draw.picks) as { role: string; rank: number; entryId: string; network: string; authorName: string }[],
    drawnAt: new Date(draw.drawn_at).toISOString(),
    verify: `relais contest verify --entries entries.csv --seed ${draw.seed} --commitment ${contest.commitment} --winners ${contest.winners_count} --alternates ${contest.alternates_count}`,
  };
}

/** The frozen entries.csv, byte for byte. */
export async function frozenEntriesCsv(deps: Pick<ContestsDeps, 'db'>, workspaceId: string, contestId: string): Promise<string> {
  const contest = await deps.db.selectFrom('contests').select('id').where('workspace_id', '=', workspaceId).where('id', '=', contestId).executeTakeFirst();
  if (!contest) throw new AppError('contest.not_found', 'Contest not found');
  const draw = await deps.db.selectFrom('contest_draws').select('entries_csv').where('workspace_id', '=', workspaceId).where('contest_id', '=', contestId).executeTakeFirst();
  if (!draw) throw new AppError('contest.not_drawn', 'entries.csv is frozen at the draw');
  return draw.entries_csv;
}
