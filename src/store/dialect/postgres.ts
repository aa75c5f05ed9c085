import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { ACCENTED, UNACCENTED, type StoreDialect } from './dialect.ts';

/** The newest messages a list search looks through first (then four times as many, and so on). */
const SEARCH_WINDOW = 250_000;
/** A word in fewer messages than this share is looked up through the full-text index, window by window. */
const RARE_SHARE = 0.05;

/**
 * PostgreSQL: a stored tsvector column with a GIN index. Accents are folded with
 * translate() (immutable, unlike unaccent) so "reçu" and "recu" meet, as on SQLite.
 */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  bigint: 'bigint',
  messagesSeqColumn: () => 'identity',
  async createMessageSearch(db) {
    await sql`ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS
      (to_tsvector('simple', translate(lower(text), ${sql.lit(ACCENTED)}, ${sql.lit(UNACCENTED)}))) STORED`.execute(db);
    await sql`CREATE INDEX messages_search_idx ON messages USING gin (search)`.execute(db);
  },
  // The tsvector is a generated column of the row: rewriting the text rewrote it.
  async purgeSearchIndex() {},
  async newestMatches(db, workspaceId, words, depth) {
    // Newest first, in windows of the arrival sequence that grow fourfold. A word in more
    // than one message in twenty: walking the sequence backwards finds the depth soon. A
    // rarer one: the walk would go through hundreds of thousands of rows, so the full-text
    // index is intersected with each window (index scans off for these statements, bitmap
    // scans only), and one window holds everything when the word is rare enough. The
    // planner's own estimate of the matches decides; it weighs the same statistics.
    const query = tsQuery(words);
    const { rows: [top] } = await sql<{ seq: string | number | null }>`SELECT max(seq) AS seq FROM messages WHERE workspace_id = ${workspaceId}`.execute(db);
    let high = Number(top?.seq ?? 0);
    if (high === 0) return [];
    const { rows: [plan] } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`EXPLAIN (FORMAT JSON) SELECT seq FROM messages
      WHERE workspace_id = ${workspaceId} AND search @@ to_tsquery('simple', ${query})`.execute(db);
    const expected = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
    const rare = expected < high * RARE_SHARE;
    return db.transaction().execute(async (trx) => {
      if (rare) await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      const hits: string[] = [];
      for (let size = rare && expected < 4 * depth ? high : SEARCH_WINDOW; high > 0 && hits.length < depth; size *= 4) {
        const low = Math.max(0, high - size);
        const { rows } = await sql<{ conversation_id: string }>`SELECT conversation_id FROM messages
          WHERE workspace_id = ${workspaceId} AND search @@ to_tsquery('simple', ${query}) AND seq > ${low} AND seq <= ${high}
          ORDER BY seq DESC LIMIT ${depth - hits.length}`.execute(trx);
        for (const row of rows) hits.push(row.conversation_id);
        high = low;
      }
      return hits;
    });
  },
  async searchMessages(db: Kysely<Database>, workspaceId, words, limit) {
    const query = tsQuery(words);
    const result = await sql<{ id: string; conversation_id: string }>`
      SELECT id, conversation_id FROM messages
      WHERE workspace_id = ${workspaceId} AND search @@ to_tsquery('simple', ${query})
      ORDER BY ts_rank(search, to_tsquery('simple', ${query})) DESC, seq DESC LIMIT ${limit}`.execute(db);
    return result.rows.map((row) => ({ messageId: row.id, conversationId: row.conversation_id }));
  },
};

function tsQuery(words: string[]): string {
  return words.map((word) => `${word.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');
}
