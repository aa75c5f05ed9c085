import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, testDialects, type TestStore } from './testing.ts';
import { isUniqueViolation } from './errors.ts';
import type { Db } from './store.ts';

// On PostgreSQL, look-ups by key and writes are prepared once per connection and run by name
// (the server then neither parses nor plans them again); what sorts or joins is planned each time.
const hasPostgres = (await testDialects()).includes('postgres');
const now = Date.UTC(2026, 11, 8, 9, 0);

describe.runIf(hasPostgres)('prepared statements on PostgreSQL', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore('postgres');
    await store.db.insertInto('workspaces').values([
      { id: 'ws_a', name: 'Boutique A', locale: 'fr', timezone: 'Europe/Paris', created_at: now },
      { id: 'ws_b', name: 'Boutique B', locale: 'fr', timezone: 'Europe/Paris', created_at: now },
    ]).execute();
  });
  afterAll(async () => { await store?.drop(); });

  /** The statements prepared on the connection `trx` runs on. */
  const prepared = async (trx: Db) => (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(trx)).rows.map((row) => row.statement);

  it('prepares a look-up once and answers each call for its own values; a sorted list is planned each time', async () => {
    await store.db.transaction().execute(async (trx) => {
      const name = (id: string) => trx.selectFrom('workspaces').select('name').where('id', '=', id).executeTakeFirst();
      expect(await name('ws_a')).toEqual({ name: 'Boutique A' });
      expect(await name('ws_b')).toEqual({ name: 'Boutique B' });
      expect(await name('ws_c')).toBeUndefined();
      const sorted = await trx.selectFrom('workspaces').select('id').where('locale', '=', 'fr').orderBy('id', 'desc').execute();
      expect(sorted.map((row) => row.id)).toEqual(['ws_b', 'ws_a']);

      const statements = await prepared(trx);
      expect(statements.filter((text) => text.startsWith('select "name" from "workspaces"'))).toHaveLength(1);
      expect(statements.some((text) => text.includes('order by'))).toBe(false);
    });
  });

  it('runs a prepared write again after it failed on the same connection', async () => {
    await store.db.connection().execute(async (db) => {
      const add = (id: string) => db.insertInto('workspaces').values({ id, name: id, locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
      await add('ws_c');
      const clash = await add('ws_c').then(() => null, (error: unknown) => error);
      expect(isUniqueViolation(clash)).toBe(true);
      await add('ws_d');
      expect((await db.selectFrom('workspaces').select('id').where('id', 'in', ['ws_c', 'ws_d']).execute()).map((row) => row.id).sort()).toEqual(['ws_c', 'ws_d']);
    });
  });

  it('prepares at most a bounded number of distinct statements; the others still run', async () => {
    await store.db.connection().execute(async (db) => {
      // Distinct texts past the bound (300 a process): each answers, unnamed.
      for (let i = 0; i < 320; i++) {
        const row = await sql<{ name: string }>`SELECT name FROM workspaces WHERE id = ${'ws_a'} AND ${sql.lit(i)} = ${i}`.execute(db);
        expect(row.rows).toEqual([{ name: 'Boutique A' }]);
      }
      expect((await prepared(db)).length).toBeLessThanOrEqual(300);
    });
  });
});
