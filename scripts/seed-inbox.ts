import type { Insertable } from 'kysely';
import { newId } from '../src/kernel/index.ts';
import type { ConversationStatus, Database, Db } from '../src/store/index.ts';
import { agentText, customerText, firstNames, lastNames, pick, seededRandom, weighted, type Random } from './seed-texts.ts';
import type { SeedWorkspace } from './seed-workspace.ts';

export interface SeedOptions {
  count: number;
  /** Conversations per transaction (default 5,000). */
  batchSize?: number;
  /** The newest activity; conversations spread over the year before it. */
  now?: number;
  seed?: number;
  /** Weights of 1, 2, 3… messages a conversation (default 1 to 3: 0.4, 0.35, 0.25). */
  messageWeights?: number[];
  /** Writes a batch's rows of one table (default: multi-row inserts, one transaction a batch). A bulk loader goes here. */
  write?(table: string, rows: Record<string, unknown>[]): Promise<void>;
  onProgress?(done: number): void;
}

export interface SeedReport {
  conversations: number;
  contacts: number;
  messages: number;
  labels: number;
}

type Rows = { [T in 'contacts' | 'identities' | 'conversations' | 'messages' | 'conversation_labels']: Insertable<Database[T]>[] };

const DAY = 86_400_000;
const AGENT_WEIGHTS = [0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.04];
const LABEL_WEIGHTS = [0.4, 0.2, 0.15, 0.15, 0.1];

/**
 * Bulk-inserts `count` conversations as a busy shop would have them after a year: recent
 * ones mostly open, old ones resolved; 55 % private messages, 45 % comment threads under
 * 300 posts; repeat commenters; 1 to 3 messages each; busy and quiet agents; labels on
 * nearly half. Rows go in as multi-row inserts, a few thousand conversations per
 * transaction, through the same Kysely database the server uses (FTS triggers included).
 */
export async function seedConversations(db: Db, target: SeedWorkspace, options: SeedOptions): Promise<SeedReport> {
  const random = seededRandom(options.seed ?? 20_260_601);
  const now = options.now ?? Date.now();
  const batchSize = options.batchSize ?? 5000;
  // Denser towards now: a quarter of the year's conversations are in its last 3 weeks.
  const times = Array.from({ length: options.count }, () => Math.round(now - 365 * DAY * random() ** 2)).sort((a, b) => a - b);
  const posts = await seedPosts(db, target, random, now);
  const commenters: { contactId: string; externalId: string; name: string }[] = [];
  const report: SeedReport = { conversations: 0, contacts: 0, messages: 0, labels: 0 };
  let serial = 0;

  for (let start = 0; start < options.count; start += batchSize) {
    const rows: Rows = { contacts: [], identities: [], conversations: [], messages: [], conversation_labels: [] };
    for (let i = start; i < Math.min(options.count, start + batchSize); i++) {
      const createdAt = times[i]!;
      const english = random() < 0.15;
      const isPrivate = random() < 0.55;
      const surface = isPrivate ? (random() < 0.6 ? 'messenger' : 'instagram') : (random() < 0.6 ? 'facebook' : 'instagram');
      let author = !isPrivate && commenters.length > 100 && random() < 0.4 ? pick(random, commenters) : undefined;
      if (!author) {
        const name = `${pick(random, firstNames)} ${pick(random, lastNames)}`;
        author = { contactId: newId(createdAt), externalId: `7${String(++serial).padStart(14, '0')}`, name };
        rows.contacts.push({ workspace_id: target.workspaceId, id: author.contactId, name, email: null, phone: null, avatar_url: null, created_at: createdAt, updated_at: createdAt });
        rows.identities.push({
          workspace_id: target.workspaceId, id: newId(createdAt), contact_id: author.contactId, channel_id: target.channelId, external_id: author.externalId,
          handle: surface === 'instagram' ? `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}${serial % 100}` : null, display_name: name, created_at: createdAt,
        });
        if (!isPrivate) commenters.push(author);
      }
      const id = newId(createdAt);
      const post = isPrivate ? undefined : pick(random, posts);
      let at = createdAt;
      let lastInbound = createdAt;
      let threadKey = `${surface}:${author.externalId}`;
      const messages = 1 + weighted(random, options.messageWeights ?? [0.4, 0.35, 0.25]);
      const status = statusOf(random, now - createdAt);
      const assigneeId = assignee(random, target, status);
      for (let m = 0; m < messages; m++) {
        const inbound = m % 2 === 0;
        if (m > 0) at = Math.min(now, at + Math.round((5 + random() * 600) * 60_000));
        if (inbound) lastInbound = at;
        const externalId = isPrivate ? `m_seed_${++serial}` : `${post!.externalId}_${++serial}`;
        if (m === 0 && !isPrivate) threadKey = `comment:${externalId}`;
        rows.messages.push({
          workspace_id: target.workspaceId, id: newId(at), conversation_id: id, channel_id: target.channelId, direction: inbound ? 'in' : 'out',
          kind: isPrivate ? 'message' : 'comment', author_type: inbound ? 'contact' : 'user', author_id: inbound ? author.contactId : assigneeId ?? target.agents[0]!.id,
          text: inbound ? customerText(random, english) : agentText(random, english), external_id: externalId, attachments: '[]',
          meta: JSON.stringify(isPrivate ? { surface } : { surface, parentExternalId: null, authorName: inbound ? author.name : null }),
          platform_created_at: at, created_at: at, status: 'visible', edited_at: null, platform_updated_at: at, reply_to_external_id: null,
        });
      }
      rows.conversations.push({
        workspace_id: target.workspaceId, id, channel_id: target.channelId, contact_id: author.contactId, kind: isPrivate ? 'private' : 'public', status,
        external_thread_id: threadKey, subject: null, assignee_id: assigneeId, priority: weighted(random, [0.92, 0.05, 0.02, 0.01]),
        snoozed_until: status === 'snoozed' ? now + Math.round(random() * 3 * DAY) : null, last_message_at: at, created_at: createdAt, updated_at: at,
        post_id: post?.id ?? null, last_inbound_at: lastInbound, linked_conversation_id: null,
      });
      if (random() < 0.45) {
        const chosen = new Set([weighted(random, LABEL_WEIGHTS), ...(random() < 0.2 ? [weighted(random, LABEL_WEIGHTS)] : [])]);
        for (const l of chosen) rows.conversation_labels.push({ workspace_id: target.workspaceId, conversation_id: id, label_id: target.labelIds[l]!, created_at: at });
      }
    }
    const tables = ['contacts', 'identities', 'conversations', 'messages', 'conversation_labels'] as const;
    if (options.write) for (const table of tables) await options.write(table, rows[table] as Record<string, unknown>[]);
    else await db.transaction().execute(async (trx) => { for (const table of tables) await insertAll(trx, table, rows[table]); });
    report.conversations += rows.conversations.length;
    report.contacts += rows.contacts.length;
    report.messages += rows.messages.length;
    report.labels += rows.conversation_labels.length;
    options.onProgress?.(report.conversations);
  }
  return report;
}

/** Recent threads are still being worked on; a year-old one is nearly always resolved. */
function statusOf(random: Random, age: number): ConversationStatus {
  const weights = age < 2 * DAY ? [0.7, 0.15, 0.05, 0.1] : age < 14 * DAY ? [0.25, 0.15, 0.05, 0.55] : [0.03, 0.02, 0.005, 0.945];
  return (['open', 'pending', 'snoozed', 'resolved'] as const)[weighted(random, weights)]!;
}

function assignee(random: Random, target: SeedWorkspace, status: ConversationStatus): string | null {
  if (random() < (status === 'open' ? 0.35 : 0.1)) return null;
  return target.agents[weighted(random, AGENT_WEIGHTS.slice(0, target.agents.length))]!.id;
}

async function seedPosts(db: Db, target: SeedWorkspace, random: Random, now: number) {
  const posts = Array.from({ length: 300 }, (_, i) => {
    const createdAt = Math.round(now - 365 * DAY * random());
    return { id: newId(createdAt), externalId: `${target.pageId}_${String(300_000_000 + i)}`, createdAt, text: `Nouveautés de la semaine ${1 + (i % 52)} ✨` };
  });
  await insertAll(db, 'posts', posts.map((p) => ({
    workspace_id: target.workspaceId, id: p.id, channel_id: target.channelId, external_id: p.externalId, text: p.text,
    permalink: `https://www.facebook.com/maisonlune/posts/${p.externalId.split('_')[1]}`, reactions: '{}', created_at: p.createdAt, updated_at: p.createdAt,
  })));
  return posts;
}

/** Multi-row inserts under both databases' bound-parameter limits (SQLite 32,766, PostgreSQL 65,535). */
async function insertAll<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += perStatement) await db.insertInto(table).values(rows.slice(i, i + perStatement) as any).execute();
}
