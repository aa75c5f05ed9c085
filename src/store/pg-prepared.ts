import type pg from 'pg';

/** Distinct statements given a name, per process; the ones seen after run unnamed. */
const MOST_NAMED = 300;
/** A statement with more values than this is a bulk insert or a long `in` list: its text varies with the count. */
const MOST_VALUES = 200;
/**
 * Statements whose plan depends on the values they get: sorting, joining, full-text, plans
 * asked for, `select *` and `returning *` (their result would change shape under a migration),
 * and transaction control.
 */
const PLANNED_EACH_TIME = /\border by\b|\bjoin\b|tsquery|^\s*explain\b|select \*|returning \*|^\s*(begin|commit|rollback|savepoint|release|set)\b/i;

type QueryFn = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * A pool whose connections prepare point look-ups and writes once and run them by name.
 * Kysely sends every statement unnamed, so PostgreSQL parses and plans it on each call: on a
 * loaded two-core machine that was most of a look-up's server time (~115 µs of CPU a call
 * against ~45 µs prepared, ADR 0028). The hot statements of webhook processing are a few
 * dozen shapes that look a row up by a key or write one, whose plan does not depend on the
 * values; a statement that sorts, joins or searches is planned for its values every time.
 * Names are `r1`, `r2`… given in the order texts are first seen, at most `MOST_NAMED` of them,
 * so each connection holds a bounded set of prepared statements.
 */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  // Only the named texts are kept: the others (past the bound, or planned each time) are told apart again on each call.
  const names = new Map<string, string>();
  const nameOf = (text: string, valueCount: number): string | null => {
    const name = names.get(text);
    if (name !== undefined) return name;
    if (names.size >= MOST_NAMED || valueCount === 0 || valueCount > MOST_VALUES || PLANNED_EACH_TIME.test(text)) return null;
    const fresh = `r${names.size + 1}`;
    names.set(text, fresh);
    return fresh;
  };
  const prepared = new WeakSet<pg.PoolClient>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  return Object.assign(Object.create(pool) as pg.Pool, {
    async connect(): Promise<pg.PoolClient> {
      const client = await connect();
      if (!prepared.has(client)) {
        prepared.add(client);
        const query = client.query.bind(client) as QueryFn;
        (client as unknown as { query: QueryFn }).query = (text, values, callback) => {
          const name = typeof text === 'string' && Array.isArray(values) ? nameOf(text, values.length) : null;
          return name ? query({ name, text, values }, callback) : query(text, values, callback);
        };
      }
      return client;
    },
    end: () => pool.end(),
  });
}
