/**
 * `npm run seed:conversations -- --count 100000 [--data-dir D] [--workspace W] [--password P]`
 *
 * Fills a Relais database with a year of a busy shop's inbox, to see the console and
 * measure the list at scale. Reads the same environment as `relais` (RELAIS_DATA_DIR,
 * DATABASE_URL), so it seeds SQLite or PostgreSQL alike. The conversations go into a new
 * workspace, "Maison Lune (seed)", unless `--workspace` names one on purpose.
 */
import { parseArgs } from 'node:util';
import { createSealer, loadConfig } from '../src/kernel/index.ts';
import { openStore } from '../src/store/index.ts';
import { seedConversations } from './seed-inbox.ts';
import { prepareSeedWorkspace } from './seed-workspace.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' }, workspace: { type: 'string' }, password: { type: 'string', default: 'seed-password-2026' } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, not "${values.count}"`);
if (values.password.length < 10) throw new Error('--password needs at least 10 characters (the sign-in rule)');

const config = loadConfig({ ...process.env, ...(values['data-dir'] ? { RELAIS_DATA_DIR: values['data-dir'] } : {}), LOG_LEVEL: 'silent' });
const store = openStore(config.database);
try {
  await store.migrate();
  const target = await prepareSeedWorkspace(store.db, createSealer(config.secretKey), { password: values.password, workspace: values.workspace });
  console.log(`Seeding ${count.toLocaleString('en')} conversations into workspace ${target.workspaceId} (${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'})`);
  const started = performance.now();
  let printed = 0;
  const report = await seedConversations(store.db, target, {
    count,
    onProgress(done) {
      if (done - printed < 10_000 && done < count) return;
      printed = done;
      console.log(`  ${done.toLocaleString('en').padStart(9)} / ${count.toLocaleString('en')} conversations  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Done in ${seconds.toFixed(1)} s: ${report.conversations} conversations, ${report.contacts} contacts, ${report.messages} messages, ${report.labels} labels on conversations.`);
  console.log(`Sign in as ${target.agents[0]!.email} (the busiest agent) or seed.owner@maison-lune.fr, password ${values.password}`);
} finally {
  await store.close();
}
