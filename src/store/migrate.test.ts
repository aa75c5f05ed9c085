import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, testDialects, type TestStore } from './testing.ts';

const dialects = await testDialects();

describe.each(dialects)('migrations on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store.drop(); });

  it('applies a migration numbered before one an installation already ran (0006 after 0008)', async () => {
    // An installation migrated before routing existed: 0008-commerce ran, 0006-routing did not.
    for (const table of ['sla_escalations', 'conversation_sla', 'routing_locks', 'agent_availability', 'team_members', 'teams', 'care_settings']) {
      await sql`DROP TABLE ${sql.table(table)}`.execute(store.db);
    }
    await sql`DELETE FROM relais_migrations WHERE name = '0006-routing'`.execute(store.db);
    expect(await store.migrate()).toEqual({ applied: ['0006-routing'] });
    expect(await store.db.selectFrom('teams').select('id').execute()).toEqual([]);
  });
});
