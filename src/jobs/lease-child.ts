/**
 * A worker process for the lease tests (`lease-recovery.test.ts`): it opens the queue on the
 * database it is given and works one queue. `hang` takes the job and never finishes (the
 * test then kills it with SIGKILL); `finish` records the job's effect once and says so.
 *
 * Usage: node --import tsx src/jobs/lease-child.ts <sqlite file | postgres url> <hang|finish> <lease ms>
 */
import { sql } from 'kysely';
import { openStore } from '../store/index.ts';
import { createPgBossQueue } from './pg-boss/pg-boss-queue.ts';
import { createSqliteQueue } from './sqlite/sqlite-queue.ts';
import { z } from 'zod';
import { defineJob, registerJobs } from './define-job.ts';

export const LEASE_TEST_QUEUE = 'lease.test';

const [target = '', mode = 'finish', leaseArg = '2000'] = process.argv.slice(2);
const leaseMs = Number(leaseArg);
const postgres = target.startsWith('postgres');
const store = openStore(postgres ? { kind: 'postgres', url: target } : { kind: 'sqlite', file: target });
const queue = postgres
  ? createPgBossQueue({ connectionString: target, pollIntervalSeconds: 0.5, leaseSeconds: leaseMs / 1000, maintenanceIntervalSeconds: 1 })
  : createSqliteQueue({ db: store.db, pollIntervalMs: 50, lockMs: leaseMs });

registerJobs(queue, [defineJob({ name: LEASE_TEST_QUEUE, schema: z.object({ key: z.string() }), handler: async ({ key }, job) => {
  console.log(`taken ${key} attempt ${job.attempt}`);
  if (mode === 'hang') return new Promise<void>(() => {});
  // The job's effect, written so that a second run changes nothing.
  await sql`insert into lease_effects (job_key, done_at) values (${key}, ${Date.now()}) on conflict (job_key) do nothing`.execute(store.db);
  console.log(`done ${key} attempt ${job.attempt}`);
} })]);
await queue.start();
console.log('worker ready');
