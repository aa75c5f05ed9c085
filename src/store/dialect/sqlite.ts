import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { StoreDialect } from './dialect.ts';

/** SQLite: FTS5 over an external-content table kept in step by triggers. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  bigint: 'integer',
  messagesSeqColumn: () => 'sqlite-rowid',
  async createMessageSearch(db) {
    await sql`CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
      INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text); END`.execute(db);
    await sql`CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.seq, old.text); END`.execute(db);
    await sql`CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
      INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text); END`.execute(db);
  },
  async purgeSearchIndex(db) {
    // 'optimize' merges every segment into one, leaving out the entries of deleted rows.
    await sql`INSERT INTO messages_fts(messages_fts) VALUES ('optimize')`.execute(db);
  },
  async newestMatches(db, workspaceId, words, depth) {
    // FTS5 walks its index by rowid (the arrival order) backwards; the join stops at the depth.
    const result = await sql<{ conversation_id: string }>`SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.seq = f.rowid
      WHERE messages_fts MATCH ${matchExpression(words)} AND m.workspace_id = ${workspaceId} ORDER BY f.rowid DESC LIMIT ${depth}`.execute(db);
    return result.rows.map((row) => row.conversation_id);
  },
  async searchMessages(db: Kysely<Database>, workspaceId, words, limit) {
    const match = matchExpression(words);
    const result = await sql<{ id: string; conversation_id: string }>`
      SELECT m.id, m.conversation_id FROM messages_fts f
      JOIN messages m ON m.seq = f.rowid
      WHERE messages_fts MATCH ${match} AND m.workspace_id = ${workspaceId}
      ORDER BY f.rank LIMIT ${limit}`.execute(db);
    return result.rows.map((row) => ({ messageId: row.id, conversationId: row.conversation_id }));
  },
};

function matchExpression(words: string[]): string {
  return words.map((word) => `"${word}"*`).join(' AND ');
}
