import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Workspace-first keys are what lets a workspace-sharded PostgreSQL (Citus, docs/deploy.md) route
// a query to one shard: every read, update and delete of a tenant table must name
// `workspace_id`. This reads every query Relais builds (Kysely chains in src/) and fails on one
// that does not, unless it is listed below with the reason it may go to every shard.
const src = fileURLToPath(new URL('..', import.meta.url));

/** `file:line-free key` → why this query may leave out the workspace. */
const allowed: Record<string, string> = {
  // Installation-level by design (ARCHITECTURE.md "Data"): a session is a browser, found by the
  // hash of its cookie before any workspace is known; it is a reference table under Citus.
  'accounts/change-password.ts deleteFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts selectFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts deleteFrom sessions': 'sessions are installation-level',
  'accounts/sessions.ts updateTable sessions': 'sessions are installation-level',
  // A webhook delivery is stored before it is routed to a workspace (it may carry several).
  'inbox/process-delivery.ts selectFrom inbound_events': 'deliveries are recorded before routing',
  'inbox/process-delivery.ts updateTable inbound_events': 'deliveries are recorded before routing',
  'commerce/process-shop-delivery.ts selectFrom inbound_events': 'deliveries are recorded before routing',
  'commerce/process-shop-delivery.ts updateTable inbound_events': 'deliveries are recorded before routing',
  // A widget attachment is fetched by its capability URL (/widget/files/:id/:key), which names
  // no workspace; one look-up by primary key, fanned out under Citus.
  'inbox/webchat-uploads.ts selectFrom webchat_uploads': 'capability URL without a workspace',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'migrations' ? [] : sources(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$|testing\.ts$|-harness\.ts$|fixtures-for-tests\.ts$/.test(entry) ? [path] : [];
  });
}

/** Tables created with a `workspace_id` column, read from the migrations. */
function tenantTables(): Set<string> {
  const dir = join(src, 'store', 'migrations');
  const text = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
  const tables = new Set<string>();
  for (const match of text.matchAll(/createTable\('(\w+)'\)([\s\S]*?)\.execute\(\)/g)) if (match[2]!.includes("'workspace_id'")) tables.add(match[1]!);
  return tables;
}

/** Queries on tenant tables whose chain (up to its execute) never names workspace_id. */
function unscopedQueries(): string[] {
  const tenant = tenantTables();
  const found: string[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.(selectFrom|updateTable|deleteFrom)\(\s*'(\w+)(?: as \w+)?'/g)) {
      if (!tenant.has(match[2]!)) continue;
      const rest = text.slice(match.index, match.index + 3000);
      const end = rest.search(/\.execute(TakeFirst(OrThrow)?)?\(|;\s*$/m);
      if (!(end === -1 ? rest : rest.slice(0, end)).includes('workspace_id')) found.push(`${relative(src, file)} ${match[1]} ${match[2]}`);
    }
  }
  return found;
}

describe('tenant queries', () => {
  it('finds the tenant tables (a check that reads nothing cannot fail)', () => {
    const tables = tenantTables();
    for (const table of ['conversations', 'messages', 'contacts', 'orders', 'realtime_events']) expect(tables.has(table), table).toBe(true);
    expect(tables.has('users')).toBe(false);
  });

  it('filters every read, update and delete of a tenant table by workspace_id', () => {
    const unexplained = [...new Set(unscopedQueries())].filter((key) => !(key in allowed));
    expect(unexplained).toEqual([]);
  });
});
