import { openStore } from '../src/store/index.ts';
import { careReport, sentimentReport } from '../src/reports/index.ts';
import { durationFigures } from '../src/reports/durations.ts';
import { rollupRows } from '../src/reports/report-period.ts';
import { sql } from 'kysely';
const kind = process.argv[2] as 'sqlite' | 'postgres';
const store = openStore(kind === 'sqlite' ? { kind, file: process.argv[3]! } : { kind, url: process.argv[3]! });
const ws = (await store.db.selectFrom('workspaces').select('id').where('name', '=', 'Bench').executeTakeFirstOrThrow()).id;
const query = { workspaceId: ws, from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };
const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(name, (performance.now() - t).toFixed(0)); };
for (let i = 0; i < 2; i++) {
  await time('durations6', () => durationFigures(store.db, kind, query, ['first_calendar', 'first_business', 'resolution_calendar', 'resolution_business', 'next_calendar', 'next_business']));
  await time('rollup', () => rollupRows(store.db, query, 'Europe/Paris').select(['day', 'hour', 'channel_id', 'kind', 'agent_id', sql<number>`sum(conversations)`.as('c')]).where('agent_id', '=', '').groupBy(['day', 'hour']).execute());
  await time('backlog', () => store.db.selectFrom('report_conversations').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('waiting_since').as('oldest')]).where('workspace_id', '=', ws).where('waiting_since', 'is not', null).executeTakeFirst());
  await time('care', () => careReport(store.db, kind, query));
  await time('sentiment', () => sentimentReport(store.db, query));
}
const n = await store.db.selectFrom('report_daily').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
const w = await store.db.selectFrom('report_conversations').select((eb) => eb.fn.countAll().as('n')).where('waiting_since', 'is not', null).executeTakeFirst();
console.log('daily rows', n, 'waiting', w);
await store.close();
