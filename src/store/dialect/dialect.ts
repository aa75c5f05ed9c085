import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface SearchHit {
  messageId: string;
  conversationId: string;
}

/** What differs between the databases, kept to one small interface per dialect. */
export interface StoreDialect {
  name: DialectName;
  /** Column type for epoch-millisecond times and other 64-bit integers. */
  bigint: 'bigint' | 'integer';
  /** Creates the full-text index over message text (runs inside a migration). */
  createMessageSearch(db: Kysely<any>): Promise<void>;
  /** Messages of one workspace whose text holds every word of `query` (prefix match). */
  searchMessages(db: Kysely<Database>, workspaceId: string, words: string[], limit: number): Promise<SearchHit[]>;
  /**
   * The conversation of each of the `depth` newest messages of one workspace having every
   * word (newest first; a conversation as often as it has such messages), for the list to
   * narrow to, so its own order, filters and cursors apply. Newest first and no deeper, so
   * a word found in a million messages costs what a rarer one does.
   */
  newestMatches(db: Kysely<Database>, workspaceId: string, words: string[], depth: number): Promise<string[]>;
  /**
   * Drops what the search index still remembers of deleted or rewritten text (erasure):
   * SQLite FTS5 keeps deleted terms in its segments until they are merged.
   */
  purgeSearchIndex(db: Kysely<any>): Promise<void>;
  /** Creates the messages table with an arrival sequence suited to the dialect. */
  messagesSeqColumn(): 'sqlite-rowid' | 'identity';
}

/**
 * How many matching messages, newest first, a list search reads (issue 19): every match
 * of a word up to this many; beyond, the conversations of the newest ones.
 */
export const SEARCH_DEPTH = 5000;

/** Splits free text into search words; operators and punctuation are never passed through. */
export function searchWords(query: string): string[] {
  return foldAccents(query.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

export const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ';
export const UNACCENTED = 'aaaaaaceeeeiiiinooooouuuuyyoa';

export function foldAccents(text: string): string {
  let out = '';
  for (const char of text) {
    const index = ACCENTED.indexOf(char);
    out += index === -1 ? char : UNACCENTED[index];
  }
  return out;
}
