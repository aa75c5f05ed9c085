import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { ACCENTED, SEARCH_DEPTH, UNACCENTED, type StoreDialect } from './dialect.ts';

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
  matchingConversations(workspaceId, words, depth = SEARCH_DEPTH) {
    return sql<string>`(SELECT conversation_id FROM messages
      WHERE workspace_id = ${workspaceId} AND search @@ to_tsquery('simple', ${tsQuery(words)}) ORDER BY seq DESC LIMIT ${sql.lit(depth)})`;
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
