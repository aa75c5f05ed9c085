import { randomInt } from 'node:crypto';
import { hashPassword } from '../src/accounts/index.ts';
import { addChannel } from '../src/channels/index.ts';
import { newId, type Sealer } from '../src/kernel/index.ts';
import type { Db } from '../src/store/index.ts';

export interface SeedWorkspace {
  workspaceId: string;
  channelId: string;
  /** The channel's (made-up) Facebook Page id. */
  pageId: string;
  /** Busiest first: the seed hands them conversations by decreasing weight. */
  agents: { id: string; email: string }[];
  /** Livraison, Taille, Retour, SAV, Spam: most to least used. */
  labelIds: string[];
}

const LABELS = [['Livraison', '#1f6feb'], ['Taille', '#8250df'], ['Retour', '#bf8700'], ['SAV', '#cf222e'], ['Spam', '#6e7781']] as const;

/**
 * A workspace to hold seeded conversations: a new one by default, so seeding a data dir
 * that holds a real shop never mixes fake customers into it (`workspace` names an existing
 * one on purpose). Its agents share `password`, so anyone can sign in and browse the list.
 */
export async function prepareSeedWorkspace(db: Db, sealer: Sealer, options: { password: string; workspace?: string | undefined; agents?: number }): Promise<SeedWorkspace> {
  const now = Date.now();
  const workspaceId = options.workspace ? await existingWorkspace(db, options.workspace) : newId(now);
  const passwordHash = await hashPassword(options.password);
  const agents: SeedWorkspace['agents'] = [];
  await db.transaction().execute(async (trx) => {
    if (!options.workspace) await trx.insertInto('workspaces').values({ id: workspaceId, name: 'Maison Lune (seed)', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    // Setup is done once any user exists; the seeded owner counts, as `relais setup` would.
    await trx.insertInto('installation_settings').values({ key: 'setup', value: JSON.stringify({ at: now, by: 'seed' }), updated_at: now })
      .onConflict((c) => c.column('key').doNothing()).execute();
    const count = options.agents ?? 8;
    for (let i = 0; i <= count; i++) {
      const email = i === 0 ? 'seed.owner@maison-lune.fr' : `seed.agent${i}@maison-lune.fr`;
      const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      const id = existing?.id ?? newId(now);
      if (!existing) await trx.insertInto('users').values({ id, email, name: i === 0 ? 'Claire (seed)' : `Agent ${i} (seed)`, password_hash: passwordHash, locale: 'fr', created_at: now, password_changed_at: now }).execute();
      await trx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: id, role: i === 0 ? 'owner' : 'agent', created_at: now })
        .onConflict((c) => c.columns(['workspace_id', 'user_id']).doNothing()).execute();
      if (i > 0) agents.push({ id, email });
    }
  });
  const labelIds: string[] = [];
  for (const [name, color] of LABELS) {
    await db.insertInto('labels').values({ workspace_id: workspaceId, id: newId(now), name, color, created_at: now })
      .onConflict((c) => c.columns(['workspace_id', 'name']).doNothing()).execute();
    labelIds.push((await db.selectFrom('labels').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirstOrThrow()).id);
  }
  // A Page id no real channel uses; the API base points nowhere, so nothing is ever sent.
  const pageId = `9${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e5)).padStart(5, '0')}`;
  const channelId = await addChannel({ db, clock: { now: () => now }, sealer }, {
    workspaceId, kind: 'meta', name: 'Maison Lune (seed)', externalId: pageId, accountIds: [pageId], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'seed-token-never-used' },
  });
  return { workspaceId, channelId, pageId, agents, labelIds };
}

async function existingWorkspace(db: Db, nameOrId: string): Promise<string> {
  const rows = await db.selectFrom('workspaces').select('id').where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)])).execute();
  if (rows.length !== 1) throw new Error(rows.length === 0 ? `No workspace "${nameOrId}"` : `Several workspaces are named "${nameOrId}": pass its id`);
  return rows[0]!.id;
}
