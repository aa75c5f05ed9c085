import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/dialect.ts';

/**
 * Shop customers are matched to contacts by `lower(email)` on every order written; without an
 * index on that expression each match read every contact of the workspace.
 */
export function contactEmailMigration(_dialect: StoreDialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await sql`create index contacts_email_lower_idx on contacts (workspace_id, lower(email))`.execute(db);
    },
  };
}
