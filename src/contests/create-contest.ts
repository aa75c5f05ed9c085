import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { createContestSchema } from '../contracts/index.ts';
import { AppError, newId } from '../kernel/index.ts';
import type { ContestsDeps, Network } from './deps.ts';
import { commitmentOf } from './draw.ts';
import { renderRules, RULES_TEMPLATE_FR } from './rules-template.ts';

// The request's schema is the contract's (src/contracts/contests.ts): the console types its form from it.
export { createContestSchema };

export type CreateContest = z.infer<typeof createContestSchema>;

/**
 * The network of an entry post: X for an X channel; on a Meta channel a Facebook post id is
 * `{page-id}_{post-id}` while an Instagram media id is a bare number.
 */
export function networkOfPost(channelKind: string, externalId: string): Network | null {
  if (channelKind === 'x') return 'x';
  if (channelKind === 'meta') return externalId.includes('_') ? 'facebook' : 'instagram';
  return null;
}

/**
 * Creates a contest and draws its secret seed: 32 random bytes as 64 lower-case hex
 * characters, stored sealed; only its commitment `sha256(seed)` is ever shown before the draw.
 */
export async function createContest(deps: ContestsDeps, workspaceId: string, actorId: string | null, input: CreateContest) {
  const posts = await deps.db.selectFrom('posts as p').innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'p.workspace_id').onRef('c.id', '=', 'p.channel_id'))
    .select(['p.id', 'p.channel_id', 'p.external_id', 'c.kind']).where('p.workspace_id', '=', workspaceId).where('p.id', 'in', input.postIds).execute();
  const linked = posts.map((p) => ({ ...p, network: networkOfPost(p.kind, p.external_id) }));
  const unknown = input.postIds.filter((id) => !linked.some((p) => p.id === id && p.network));
  if (unknown.length > 0) throw new AppError('request.invalid', 'Entry posts must be Facebook, Instagram or X posts of this workspace', { fields: { postIds: unknown.map((id) => `${id}: not found`) } });

  const now = deps.clock.now();
  const id = newId(now);
  const seed = randomBytes(32).toString('hex');
  const commitment = commitmentOf(seed);
  const rulesText = renderRules(input.rulesText ?? RULES_TEMPLATE_FR, {
    name: input.name, organiser: input.organiser, startsAt: input.startsAt, endsAt: input.endsAt, winners: input.winners, alternates: input.alternates,
    commitment, retentionMonths: input.retentionMonths, keyword: input.keyword, minTags: input.minTags,
  });
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('contests').values({
      workspace_id: workspaceId, id, name: input.name, rules_text: rulesText, starts_at: input.startsAt, ends_at: input.endsAt,
      winners_count: input.winners, alternates_count: input.alternates, keyword: input.keyword, min_tags: input.minTags,
      include_x_mentions: input.includeXMentions ? 1 : 0, excluded_handles: JSON.stringify([...new Set(input.excludedHandles)]),
      seed_sealed: deps.sealer.seal(seed), commitment, status: 'open', retention_months: input.retentionMonths,
      created_by: actorId, created_at: now, updated_at: now, purged_at: null,
    }).execute();
    for (const post of linked) {
      await trx.insertInto('contest_posts').values({ workspace_id: workspaceId, contest_id: id, post_id: post.id, channel_id: post.channel_id, network: post.network!, created_at: now }).execute();
    }
  });
  return { id, commitment };
}
