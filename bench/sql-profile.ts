import SqliteDatabase from 'better-sqlite3';

export interface StatementTiming {
  sql: string;
  params: unknown[];
  ms: number;
}

/**
 * Times every SQLite statement the server runs while `record` is on, without touching the
 * server's code: better-sqlite3 statements share one prototype, whose `all` and `run` are
 * wrapped. Only for benchmarks, to tell which query of a request is the slow one.
 */
export function createStatementProfiler() {
  const probe = new SqliteDatabase(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<'all' | 'run', (this: { source: string }, ...args: unknown[]) => unknown>;
  probe.close();
  const original = { all: proto.all, run: proto.run };
  let timings: StatementTiming[] | undefined;
  for (const name of ['all', 'run'] as const) {
    proto[name] = function timed(this: { source: string }, ...args: unknown[]) {
      if (!timings) return original[name].apply(this, args);
      const started = performance.now();
      try {
        return original[name].apply(this, args);
      } finally {
        timings.push({ sql: this.source, params: Array.isArray(args[0]) ? args[0] : args, ms: performance.now() - started });
      }
    };
  }
  return {
    async record(work: () => Promise<unknown>): Promise<StatementTiming[]> {
      timings = [];
      try {
        await work();
        return timings;
      } finally {
        timings = undefined;
      }
    },
    restore() {
      Object.assign(proto, original);
    },
  };
}

/** SQLite's plan for a statement, one line per step, indented as SQLite nests them. */
export function explain(file: string, statement: StatementTiming): string[] {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    return rows.map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${'  '.repeat(level)}${row.detail}`;
    });
  } finally {
    db.close();
  }
}
